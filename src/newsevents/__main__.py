from newsevents.cli.main import run

run()
