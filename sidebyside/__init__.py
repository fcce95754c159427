"""SideBySide: call-audio analysis workstation. The command-line entry point lives in ``cli``."""

__version__ = "0.1.0"
