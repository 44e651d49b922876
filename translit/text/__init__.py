"""Names in running text: word evidence, places, runs of capitalized words, the finder,
found mentions and their rendering in a target scheme.
"""
