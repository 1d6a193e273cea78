"""Text stage: clean scraped article bodies and split them into sentences.

`import newsweave.text` is cheap: the sentence-splitting library is imported on first use.
"""

from newsweave.text.clean import Cleaned, clean_documents
from newsweave.text.sentences import most_sentences, split_sentences

__all__ = ["Cleaned", "clean_documents", "most_sentences", "split_sentences"]
