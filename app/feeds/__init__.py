"""The Atom feed of each process's publications."""
