"""The kiosk screens: one module per screen, each a view rebuilt from WizardState."""
