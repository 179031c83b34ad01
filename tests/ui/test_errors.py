import logging

from pti_citizen.ui.errors import report_backend_error


def test_backend_errors_are_logged_without_what_people_typed(caplog):
    try:
        raise ValueError("my CAF number is 1234567 and I live at 3 rue X")
    except ValueError as error:
        with caplog.at_level(logging.ERROR, logger="pti_citizen"):
            spec = report_backend_error(error)
    assert "ValueError" in caplog.text
    assert "1234567" not in caplog.text and "rue X" not in caplog.text
    assert "serverProblem" in str(spec)
