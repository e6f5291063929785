from ecocheck.cli.main import main

main()
