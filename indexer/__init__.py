"""indexer: comparative policy indices in the manner of MIPEX.

Stages, one module each: ``load`` (YAML → frozen dataclasses), ``validate`` (problems as data),
``score`` (the tidy score table), ``compare`` (baselines and gaps), ``report`` (profile PDFs),
``template`` (blank questionnaires). ``cli`` and ``streamlit_app.py`` are thin views over them.
"""

__version__ = "0.1.0"
