"""The app database: tables, engine, migrations, and the queries the feedback and kiosque features need."""
