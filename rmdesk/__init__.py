"""rmdesk: the corporate-banking relationship manager's desk."""

__version__ = "0.1.0"
