"""The pure core: loading rules and submissions, evaluating them. Nothing here prints."""
