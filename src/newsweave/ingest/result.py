"""What reading produces: the documents, and every input or record that was left out."""

from __future__ import annotations

from dataclasses import dataclass, field

from newsweave.model import Document, Skipped


@dataclass
class ReadResult:
    """Documents in input order, and the inputs (or records) skipped, each with a reason."""

    documents: list[Document] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    def extend(self, other: ReadResult) -> None:
        """Append another result's documents and skipped inputs, keeping order."""
        self.documents.extend(other.documents)
        self.skipped.extend(other.skipped)
