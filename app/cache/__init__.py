"""Caching by version: what every write to an organization's content changes
(``versions``), and the rendered pages kept under it for visitors who are not signed in
(``pages``)."""
