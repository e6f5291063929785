"""The digest (ecocheck.library.loader.shipped_digest) of the shipped rule files as the test suite
last validated them against the rule-file schema.

While the shipped files and schema have this digest, loading them skips the schema check. A
changed rule file or schema simply gets the full check at every start until this line is
updated; tests/library/test_loader.py fails until then: it validates the files in full and then
prints the digest to put here.
"""

SHIPPED_DIGEST = "2c3b171e22b4e041ed2f0598266187d6a6923083"
