from plainsum.cli import main

main()
