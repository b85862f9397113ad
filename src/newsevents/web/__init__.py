"""The local dashboard (`newsevents serve`) and the static report (`newsevents report`)."""
