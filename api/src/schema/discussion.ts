// Filled in by the domain's author.
