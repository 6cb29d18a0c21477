"""The accessibility statement (toegankelijkheidsverklaring): its data and its page."""
