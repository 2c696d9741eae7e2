"""The audit's conformance table (issue 15): documents, cases and the cells they must fill."""
