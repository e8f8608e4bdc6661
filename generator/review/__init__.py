"""The reviewer's output stage: the change report between two revisions of the content."""
