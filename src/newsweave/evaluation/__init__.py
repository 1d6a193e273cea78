"""Summary evaluation: read multi-document summarization sets, run newsweave and its peers on
the same clusters, score them with ROUGE and check newsweave's faithfulness.

The scorers and sumy peers are optional (`pip install 'newsweave[bench]'`); the readers and
the faithfulness checks need nothing beyond newsweave itself. `bench/summary_quality.py` is
the command that runs it all.
"""
