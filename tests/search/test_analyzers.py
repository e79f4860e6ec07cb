from search.analyzers import ChineseEnglishAnalyzer, query_terms, snippet_pattern


def tokens(text):
    return [t.text for t in ChineseEnglishAnalyzer()(text)]


def test_chinese_is_segmented_into_words_and_sub_words():
    words = tokens("宽带专线安装指南")
    assert "宽带" in words
    assert "专线" in words
    assert "安装" in words
    assert "指南" in words


def test_english_is_lowercased_stemmed_and_stop_words_dropped():
    assert tokens("The Routers are Configuring") == ["router", "configur"]


def test_mixed_text_keeps_both_scripts():
    words = tokens("5G专线 pricing 和 SD-WAN")
    assert "5g" in words
    assert "专线" in words
    assert "price" in words or "pricing" in words
    assert "sd-wan" in words


def test_query_terms_are_distinct_and_snippet_pattern_matches_surface_forms():
    terms = query_terms("router routers 宽带")
    assert terms == ["router", "宽带"]
    pattern = snippet_pattern(terms)
    assert pattern.search("Restart the Routers now").group(0) == "Routers"
    assert pattern.search("家庭宽带").group(0) == "宽带"


def test_query_pairs_are_adjacent_content_words():
    from search.analyzers import query_pairs

    assert query_pairs("reset the router password") == [
        "reset router",
        "router password",
    ]
    assert query_pairs("router") == []
    assert "宽带 故障" in query_pairs("宽带故障")
