from reader.cli.main import main

# named as installed, so usage lines and shell completion ($_CROSSREAD_COMPLETE) match
main(prog_name="crossread")
