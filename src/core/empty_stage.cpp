// Stands in for a stage that has no sources yet, so the tree configures while it grows.
