from ecocheck.cli.app import main

main()
