"""The command-line layer (typer). No evaluation logic lives here."""
