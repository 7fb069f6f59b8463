#!/usr/bin/env python3
"""make_seeds.py - (re)generate the seed corpora of tests/fuzz/corpus/.

Run from the top of the source tree:  python3 tests/fuzz/make_seeds.py

Seeds are pieces of the shipped pages in assets/corpus (cut at line ends
into pieces of at most a few KB) plus small crafted cases: invalid UTF-8,
GB18030, UTF-16/32 with and without BOM, escape sequences, hard-wrapped
text, speaker headings, quotes with unbalanced marks, page furniture and
config lines.  The readers of markup (fuzz_markdown, fuzz_html, fuzz_feed,
fuzz_evidence) get crafted documents here; run-fuzz.sh adds the samples of
tests/data/formats to their scratch corpora.  The crafted names are made
up.  Existing seeds are replaced.
"""
import glob
import os
import shutil

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(TOP, "tests", "fuzz", "corpus")

# The text targets also get the shared seeds of corpus/text/ (pieces of
# the pages and the crafted cases below); run-fuzz.sh adds them.
TEXT_TARGETS = ["fuzz_decode", "fuzz_normalize", "fuzz_blocks",
                "fuzz_speakers", "fuzz_quotes", "fuzz_pipeline", "fuzz_fts",
                "fuzz_names"]


def corpus_pieces(limit):
    """Pieces of the shipped pages, cut at line ends, at most limit bytes."""
    pieces = []
    for path in sorted(glob.glob(os.path.join(TOP, "assets", "corpus", "*.txt"))):
        data = open(path, "rb").read()
        cur = b""
        for line in data.splitlines(keepends=True):
            if cur and len(cur) + len(line) > limit:
                pieces.append(cur)
                cur = b""
            cur += line[:limit]
        if cur.strip():
            pieces.append(cur)
    return pieces


def wrap_hard(text, width, blank):
    """Cut text into lines of width characters (a hard-wrapped column)."""
    lines = [text[i:i + width] for i in range(0, len(text), width)]
    return ("\n\n" if blank else "\n").join(lines) + "\n"


PARA = ("城市更新行动稳步推进，老旧小区改造让居民住得更舒心。今年以来，"
        "全市新开工改造项目一百余个，加装电梯三百余部，"
        "“我们要把好事办好，把实事办实。”一位社区工作者说。")

CRAFTED_TEXT = {
    "invalid_utf8": "中文".encode() + b"\xC3\x28abc\xE4\xB8\n" +
        "本报记者 王明\n".encode() + b"\xC0\xAF\xED\xA0\x80\xF4\x90\x80\x80end\xE4",
    "stray_latin1": b"Caf\xe9 na\xefve r\xe9sum\xe9 -- plain ASCII text with "
        b"a few Latin-1 bytes\n",
    "gb18030": ("# 标题\n\n" + PARA + "\n\n张强代表说，“发展是硬道理。”\n")
        .encode("gb18030"),
    "gb18030_4byte": ("欧元€与罕见字𠀀在此" + PARA).encode("gb18030") + b"\x81\x30",
    "gbk_truncated": PARA.encode("gbk")[:-1],
    "utf16le_bom": b"\xff\xfe" + ("标题\n\n" + PARA + "\n").encode("utf-16-le"),
    "utf16be_bom": b"\xfe\xff" + ("标题\n\n" + PARA + "\n").encode("utf-16-be"),
    "utf32le_bom": b"\xff\xfe\x00\x00" + "王明代表：\n我们说。\n".encode("utf-32-le"),
    "utf16le_nobom": "Report 2025: page 1\nThe delegates met.\n".encode("utf-16-le"),
    "utf16_bad_surrogate": b"\xff\xfe" + "ab".encode("utf-16-le") +
        b"\x00\xd8" + "c".encode("utf-16-le") + b"\x00\xdc\x41",
    "utf8_bom_crlf": b"\xef\xbb\xbf" + "标题\r\n\r\n正文第一段。\r\n第二段\r没有换行".encode(),
    "escapes": ("\x1b[31m红色标题\x1b[0m\n\x1b]0;窗口标题\x07正文\x1b]52;c;aGVsbG8=\x1b\\\n"
                "\u009b2J清屏\n\x1b]8;;http://x\x1b\\链接\x1b]8;;\x1b\\\n"
                "\x1bP未终止的DCS\n下一行\x1b(B\x1b7\x1b8\x1b[?25l\x1b\n"
                "软\u00ad连\u200b字\u202e反向\u2066隔离\u2069\ufeff\t制表\x7f删除\u0085\n").encode(),
    "escape_unterminated": b"\x1b]" + "标题".encode() * 50 + b"\n\x1b[" + b"1;" * 40,
    "hardwrap_blank": wrap_hard(PARA * 3, 16, True).encode(),
    "hardwrap_tight": ("开 启 新 航 程\n" + wrap_hard(PARA * 2, 15, False) +
                       "\n□ 王明 李 华\n").encode(),
    "hardwrap_mixed": (wrap_hard(PARA, 16, True) + "\n\n\n" +
                       wrap_hard(PARA, 18, False) + "转\n").encode(),
    "speakers": ("代表委员谈发展\n\n张强代表：\n\n我们要推动产业升级。\n\n"
                 ">> 市人大代表、某科技公司董事长王立新:\n\n企业要创新。\n\n"
                 "全国人大代表，某集团有限公司党委书记、董事长刘建国\n\n"
                 "李华委员——\n\n全国政协委员 陈 明\n\n"
                 "赵丽代表说，“要把民生实事办好。”她表示，还要加快进度。\n").encode(),
    "quotes_unbalanced": ("# 会议报道\n\n王明说：“我们要……\n\n”反向引号“开头。\n\n"
                          "李华表示，「这是直角引号」，“嵌套‘单引号’未闭合\n\n"
                          "“第一句，”张强说，“第二句。”\n\n在他看来，这是机遇。据王明介绍，项目已开工。\n\n"
                          "他说：“\n\n“”\n\n“").encode(),
    "furniture": ("城市日报\n\n2025年3月7日 星期五 农历乙巳年二月初八 今日四版\n\n"
                  "2025全国两会特别报道\n\n# 标题一行\n## 小标题\n### 三级\n####### 七级\n\n"
                  "■ 提要文字\n\n□ 王明 李华\n\n（上接1版）\n\n正文第一段没有结束，\n\n"
                  "（下转第二版）\n\n- 项目一\n- 项目二\n\n编辑 张三 美编 李四 电话:12345678\n\n"
                  "新华社北京3月5日电\n\n本报讯（记者 王明）消息正文。\n\n新华社记者 张三 摄\n\n"
                  "2026-04-28 2025年13月45日 2024/2/30\n").encode(),
    "binary_png": b"\x89PNG\r\n\x1a\n" + bytes(range(64)),
    "binary_nul": "文本".encode() + b"\x00\x01\x02\x03" * 8,
    "only_space": b"\xef\xbb\xbf  \t\n\xe3\x80\x80\xc2\xa0\n",
    "long_line": b"A" * 3000 + b" " + "长".encode() * 500,
}

# Seeds for one target each, on top of the shared ones.
SPECIFIC = {
    "fuzz_decode": {
        "utf32be_bom": b"\x00\x00\xfe\xff" + "王明代表：\n".encode("utf-32-be"),
        "utf16be_nobom": "Page 2 of the report, ASCII heavy.\n".encode("utf-16-be"),
        "utf16_odd_length": b"\xff\xfe" + "标题".encode("utf-16-le") + b"\x41",
        "gbk_looks_utf8": "中华人民".encode("gbk") + b" ok " + "代表".encode(),
        "controls_many": b"text" + bytes(range(1, 32)) * 4,
        "utf8_many_bad": b"\xe4\xb8" * 40 + "好".encode() * 10,
        "signature_inside": b"  GIF89a is not at the start\n",
        "big5": ("立法院今天舉行院會，行政院長表示，政府將持續推動經濟發展。"
                 "發言人說：「我們會在下週公布完整的報告。」\n").encode("big5"),
        "big5_short": "代表說：「好。」".encode("big5"),
        "gbk_traditional": "立法院今天舉行院會，行政院長表示。".encode("gbk"),
        "utf16le_nobom_cjk": ("标题\n\n" + PARA + "\n").encode("utf-16-le"),
        "utf16be_nobom_cjk": PARA.encode("utf-16-be"),
        "utf8_bom_gbk": b"\xef\xbb\xbf" + PARA.encode("gbk"),
        "utf16_bom_utf8": b"\xff\xfe" + PARA.encode(),
        "utf16_bom_gbk": b"\xfe\xff" + PARA.encode("gbk"),
        "stray_continuations": b"".join("代表说：发展。\n".encode() +
                                        bytes([0x80 + k]) * 10
                                        for k in range(15)),
    },
    "fuzz_normalize": {
        "nfc": "Cafe\u0301 \uac00\u1100\u1161 \uf900\uf901 \u212b A\u030a".encode(),
        "c1_sequences": "\u009b31m红\u009d0;title\u009c正文\u0090dcs\u009c\u0085下一行".encode(),
        "osc_st": b"\x1b]2;t\x1b\\ok\x1b]2;t\x07ok\x1b]2;unterminated\nnext",
        "tabs": "\t中\t文\tab\tc\n\u3000\u3000缩进段落\t尾".encode(),
        "separators": "行一\u2028行二\u2029行三\r\n\r行四\x0c\x0b".encode(),
    },
    "fuzz_blocks": {
        "credits": ("# 标题\n\n正文一段。\n\n最后一段话结束了。（孙 杰）\n\n"
                    "另一段结束。\u3000\u3000新华社北京4月27日电\n\n"
                    "（上接1版）续文没有开头\n").encode(),
        "markdown": ("# 一级标题\n\n## 1 / 小节\n\n- 列表项\n- 列表二\n\n>> 引述\n\n"
                     "### 三级\n\n正文，\n\n## \n\n#\n\n>>\n").encode(),
        "outlets": ("本报记者 王明 实习生 李华\n\n证券时报两会报道组\n\n"
                    "新华社记者 张三 摄\n\n北京日报记者 赵 六\n\n央视网消息\n").encode(),
        "ascii_punct": "北京:聚焦发展(一) 问题? 答案! 结束;\n\n标题:副题\n".encode(),
    },
    "fuzz_speakers": {
        "titles": ("殷勇代表：\n张强代表——\n王小明委员\n全国人大代表，某公司董事长李四\n"
                   "市人大代表、某大学校长 刘 洋\n全国政协常委 欧阳明\n"
                   "李院士说\n王主任表示\n习总书记指出\n某某代表：\n代表：\n"
                   "：\n——\n>>\n■ 王明代表\n").encode(),
        "running_text": ("全国人大代表、某大学校长王立新在会上直言，要加强基础研究。"
                         "某科技公司总经理何伟说，市场前景广阔。李华说，“很好。”"
                         "北京市代表团审议时，赵丽代表指出，要办好实事。").encode(),
    },
    "fuzz_quotes": {
        "markers": ("# 会议报道\n\nH|张强代表：\n\n我们要推动产业升级，我认为还要加大投入。\n\n"
                    "S|第二部分\n\n王明说，“第一句。”\n\n“第二句，”他说，“第三句。”\n\n"
                    "B|本报记者 李四\n\nC|图为会场\n\n# 第二篇\n\n她表示，还要继续努力。\n").encode(),
        "section_quotes": ("# 标题\n\nH|全国人大代表，某公司董事长刘建国\n\n“要创新。”\n\n"
                           "我们将继续推进。\n\nH|李华委员——\n\n在她看来，民生是关键。\n").encode(),
        "empty_article": "# 只有标题\n\n# \n\nH|\n\nH|王\n".encode(),
    },
    "fuzz_pipeline": {
        "mini_page": ("城市日报\n\n2025年3月7日 星期五\n\n# 代表委员热议发展\n\n"
                      "本报记者 王明\n\n3月6日，某代表团举行开放团组会议。\n\n张强代表：\n\n"
                      "“我们要把好事办好。”张强说。\n\n李华委员表示，要加快进度。\n\n"
                      "编辑 张三\n").encode(),
    },
    "fuzz_names": {
        "osc52": b"x\x1b]52;c;RkFLRQ==\x07.txt",
        "c1_csi": "c1\u009b2J.txt".encode(),
        "bidi": "invoice\u202etxt.exe".encode(),
        "tags": "tag\U000e0069\U000e0067\U000e007f.txt".encode(),
        "lines": b"lines\r\n\tname.txt",
        "bytes": b"bytes\xff\xfe\xc0\xaf\xed\xa0\x80\xe4\xb8.txt",
        "backslash": b"back\\slash\\x41\\u0041.txt",
        "chinese": "中文 名字（一）.txt".encode(),
    },
    "fuzz_fts": {
        "latin_mix": "COVID-19 疫情 3.5% R&D km/h 12:30 Ｆｕｌｌｗｉｄｔｈ ＡＩ５Ｇ naïve Straße".encode(),
        "traditional": "雷軍出席論壇並發表演講。臺灣 香港 澳門".encode(),
        "spaced_names": "本报记者 贺 勇 王 明 报道 　 李　华".encode(),
        "operators": 'a AND b OR NOT c NEAR(d e) "quoted" * ^start col:val (x) -y +z'.encode(),
        "kana_hangul": "ひらがな カタカナ・ナカグロ 한국어 텍스트 々〇".encode(),
        "marks": "字\u0301\ufe0f\u20dd a\u0300b \u0301lead \U00020000\U0002A6D6".encode(),
    },
}

# The readers of markup: crafted cases (run-fuzz.sh adds the samples of
# tests/data/formats).
MARKUP_CRAFTED = {
    "fuzz_markdown": {
        "front_matter": ("---\ntitle: \"标题\"\ndate: 2026-03-08T07:00:00+08:00\n"
                         "section: 第06版\nsection_name: 两会特刊\nauthor: [张三, 李四]\n"
                         "source_url: http://paper.people.com.cn/rmrb/pc/content/202603/08/a.html\n"
                         "---\n\n### 引题\n\n# 标题\n\n## 副题\n\n> 《人民日报》（2026年03月08日 第06版）\n\n"
                         "本报记者 王明\n\n张强代表说：“我们要把好事办好。”\n").encode(),
        "bad_yaml": "---\ntitle: a: b\n  - [x\n&anchor *alias\n---\n# t\n\ntext\n".encode(),
        "yaml_aliases": ("---\na: &a [x, x, x]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b]\n"
                         "title: *a\n---\n正文\n").encode(),
        "toml": "+++\ntitle = \"标题\"\n+++\n正文\n".encode(),
        "structure": ("# 《新闻联播》 (20240309)\n\n## 详细新闻\n\n### 一\n\n<p><strong>央视网消息"
                      "</strong>（新闻联播）：正文&nbsp;&#x4E2D;&bogus;</p>\n\n[查看原文](http://x)\n\n"
                      "### 二\n\n- 项一\n- 项二\n\n1. 有序\n\n| 表 | 格 |\n|---|---|\n| a | b |\n\n"
                      "```\n代码\n```\n\n软\n换行 Word\nwrap  \n硬换行\\\n再\n").encode(),
        "unclosed": "---\n".encode() + "title: x\n".encode() * 50,
    },
    "fuzz_html": {
        "people_daily": ("<html><head><meta charset=\"gb2312\"><title>标题_人民网</title>"
                         "<meta name=\"publishdate\" content=\"2026-03-08\"></head><body>"
                         "<div class=nav><a href=/>首页</a></div><h3></h3><h1><p> 标题 </p></h1>"
                         "<h2></h2><p class=\"sec\">本报记者 王明 <span>《人民日报》（2026年03月08日"
                         " 第 06 版）</span></p><div id=ozoom><p>　　正文。</p></div>"
                         "<script>var a='<p>x</p>';</script></body></html>").encode("gb18030"),
        "lying_charset": "<meta charset=\"utf-8\"><p>正文</p>".encode("gb18030"),
        "meta_http_equiv": b'<meta http-equiv="Content-Type" content="text/html; charset=\x1b[31m">'
                           b'<p>\xe6\xad\xa3\xe6\x96\x87</p>',
        "broken": "<div><p>一<p>二<table><tr><td>三</div></span><h1>四<!-- 五".encode(),
        "entities": "<p>&ldquo;引号&rdquo;&nbsp;&amp;&#27;[31m&#0;&#x110000;&unknown;</p>".encode(),
    },
    "fuzz_feed": {
        "atom": ("<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"
                 "<title>某报 - 两会</title><entry><title type=\"html\">&lt;b&gt;题&lt;/b&gt;</title>"
                 "<published>2026-03-05T20:00:00-05:00</published><link href=\"http://x/2026/03/06/a\"/>"
                 "<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><p>正文&nbsp;一"
                 "</p></div></content></entry></feed>").encode(),
        "rss_cdata": ("<?xml version=\"1.0\" encoding=\"gb2312\"?><rss version=\"2.0\"><channel>"
                      "<title>新华每日电讯 - 20260501</title><item><title>[03版：要闻] 标题 —— 副题</title>"
                      "<pubDate>Fri, 01 May 2026 07:00:00 +0800</pubDate><description><![CDATA[<p>正文"
                      "</p>]]></description></item></channel></rss>").encode("gb18030"),
        "laughs": ("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"哈哈哈哈\">"
                   "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
                   "<rss><channel><item><title>&c;</title><description>&c;&nbsp;</description>"
                   "</item></channel></rss>").encode(),
        "rdf": ("<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
                "xmlns=\"http://purl.org/rss/1.0/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                "<channel><title>报</title></channel><item><title>题</title><dc:date>2026-03-08"
                "</dc:date><description>文</description></item></rdf:RDF>").encode(),
        "truncated": "<?xml version=\"1.0\"?><rss><channel><item><title>题</title><description>&lt;p".encode(),
    },
    "fuzz_evidence": {
        "dates": "Sun, 08 Mar 2026 07:30:00 CST\n2026-03-07T23:30:00Z\n２０２６年３月８日".encode(),
        "pages": "[01版：要闻] 第十二版 A3版 06-两会特刊 第 06 版".encode(),
        "path": "/home/u/rmrb/2026/03/2026-03-08/06-两会特刊/p06_a.md".encode(),
        "url": "https://paper.people.com.cn/rmrb/pc/content/202604/28/content_1.html?d=2019-01-01".encode(),
        "stamp": "本报记者 朱 隽 《人民日报》（2026年04月28日\u00a0第\u00a001\u00a0版）".encode(),
        "titles": "《新闻联播》 (20240309) | [视频]标题_人民网 - 每日全文订阅".encode(),
    },
}

WRAP_TEXTS = {
    "cjk": PARA.encode(),
    "mixed": "北京将大力发展AI产业，推动5G和supercalifragilisticexpialidocious的融合。".encode(),
    "long_word": b"x" * 300 + b" short words here",
    "marks": "e\u0301\u0301a\u0300 \U0001F468\u200d\U0001F469\u200d\U0001F467 ☃︎ “引号”（括号）《书名》".encode(),
    "spaces": b"   leading and trailing   \n\n  \nlast line   ",
    "controls": "tab\there\x1b[31m红\x07\r\n".encode(),
    "wide_only": "中文字符测试没有标点符号的一长串文字".encode() * 4,
    "ambiguous": "“…”——※─·§¶ amb".encode(),
}
WRAP_WIDTHS = [(1, 0), (2, 1), (3, 2), (10, 3), (20, 0), (40, 2), (80, 0),
               (0, 0), (0xFB, 1), (0x7F, 2)]

OPTIONS_SEEDS = {
    "bind_keys": "bind j down\nbind <C-d> half-page-down\nbind 中 quit\nbind # help\n"
                 "bind <F12> redraw\nbind <S-Tab> prev-pane\nbind <Space> none\nbind x none\n",
    "colors": "color headline yellow default bold underline\ncolor match 255 -1 reverse\n"
              "color title 0 7 dim standout\ncolor nope red blue\ncolor dim 256 -2\n",
    "set": "set mouse yes\nset ambiguous-wide yes\nset colors never\nset colors maybe\nset bogus 1\n",
    "comments": "# comment\n   # indented comment\nbind k up # trailing comment\n\t\n",
    "bad_lines": "bind\nbind j\nbind j nothing\nbind <C-> up\nbind <F13> up\nbind <> up\n"
                 "frobnicate now\ncolor\nset\nbind j down extra words here\n",
    "bom_crlf": "\ufeffbind j down\r\nbind k up\r\n",
}
OPTIONS_BYTES = {
    "nul_invalid": b"bind j down\nbind \x00 up\nbind \xff\xfe up\nbind \xc3 up\n",
    "long_line": b"bind j " + b"a" * 1100 + b"\nbind k up\n",
    "many_bad": b"oops\n" * 150,
    "control_words": "bind \x1b[31m up\nfoo\u202ebar\u00ad\nbind \u200b up\n".encode(),
    "no_newline": b"bind q quit",
}


def write(target, name, data):
    d = os.path.join(OUT, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    pieces = corpus_pieces(3000)
    small = corpus_pieces(1000)
    for i, p in enumerate(pieces):
        write("text", "page_%02d.txt" % i, p)
    for name, data in CRAFTED_TEXT.items():
        write("text", name, data)
    for t in TEXT_TARGETS:
        for name, data in SPECIFIC[t].items():
            write(t, name, data)
    for i, p in enumerate(small[::3]):
        w, flags = WRAP_WIDTHS[i % len(WRAP_WIDTHS)]
        write("fuzz_wrap", "page_%02d" % i, bytes([w, flags]) + p)
    for i, (name, text) in enumerate(WRAP_TEXTS.items()):
        for w, flags in WRAP_WIDTHS[i % 3::3]:
            write("fuzz_wrap", "%s_w%d_f%d" % (name, w, flags), bytes([w, flags]) + text)
    for t, seeds in MARKUP_CRAFTED.items():
        for name, data in seeds.items():
            write(t, name, data)
    config = open(os.path.join(TOP, "assets", "config"), "rb").read()
    write("fuzz_options", "default_config", config)
    for name, text in OPTIONS_SEEDS.items():
        write("fuzz_options", name, text.encode())
    for name, data in OPTIONS_BYTES.items():
        write("fuzz_options", name, data)


if __name__ == "__main__":
    main()
