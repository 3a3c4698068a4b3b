//! The HTML report of hostile articles: everything from the input is escaped,
//! the page loads nothing from outside, and the embedded data round-trips.
//! (The same page is opened in a real browser by `tests/browser/run.sh`.)

use base64::Engine as _;
use isnad_report::{Content, Format, InputArticle, Options, RenderOptions, Report, build, render};
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;
mod common;

use common::{fixture, read_jsonl};
use std::path::Path;

fn hostile_report() -> Report {
    let mut articles = read_jsonl(&fixture("html/hostile.jsonl"));
    // A skipped article whose id and reason carry markup too.
    articles.push(InputArticle {
        id: "skipped<script>window.__isnadPwned='skip'</script>".into(),
        path: "x\"><img src=x onerror=alert(1)>.txt".into(),
        outlet: "<b>bold</b>".into(),
        content: Content::Skipped("not UTF-8: <script>alert(1)</script>".into()),
        ..Default::default()
    });
    build(articles, &Options::default(), &|_| {}).unwrap()
}

fn html_of(report: &Report) -> String {
    let mut out = Vec::new();
    render(report, Format::Html, &RenderOptions::default(), &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

/// The content of the `n`-th `<script…>` element.
fn script_content(html: &str, n: usize) -> &str {
    let start = html.match_indices("<script").nth(n).unwrap().0;
    let open_end = start + html[start..].find('>').unwrap() + 1;
    let close = open_end + html[open_end..].find("</script>").unwrap();
    &html[open_end..close]
}

/// The JSON inside the data block (base64 of gzip).
fn embedded_json(html: &str) -> String {
    use std::io::Read as _;
    let gz = base64::engine::general_purpose::STANDARD
        .decode(script_content(html, 0))
        .unwrap();
    let mut json = String::new();
    flate2::read::GzDecoder::new(&gz[..])
        .read_to_string(&mut json)
        .unwrap();
    json
}

/// Every tag name that opens with `<` in `html` outside the two script elements.
fn tag_names(html: &str) -> BTreeSet<String> {
    let data = script_content(html, 0);
    let script = script_content(html, 1);
    let outside = html.replace(data, "").replace(script, "");
    let mut names = BTreeSet::new();
    for (i, _) in outside.match_indices('<') {
        let name: String = outside[i + 1..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '/' || *c == '!')
            .collect();
        names.insert(name.trim_start_matches('/').to_ascii_lowercase());
    }
    names
}

/// Every attribute `(name, value)` of every tag outside the two script
/// elements, parsed the way a browser tokenizes a start tag.
fn attributes(html: &str) -> Vec<(String, String)> {
    let data = script_content(html, 0);
    let script = script_content(html, 1);
    let outside = html.replace(data, "").replace(script, "");
    let mut out = Vec::new();
    for (i, _) in outside.match_indices('<') {
        let b = outside.as_bytes();
        let mut j = i + 1;
        while j < b.len() && !b[j].is_ascii_whitespace() && b[j] != b'>' {
            j += 1;
        }
        loop {
            while j < b.len() && (b[j].is_ascii_whitespace() || b[j] == b'/') {
                j += 1;
            }
            if j >= b.len() || b[j] == b'>' {
                break;
            }
            let name_start = j;
            while j < b.len() && !b[j].is_ascii_whitespace() && b[j] != b'=' && b[j] != b'>' {
                j += 1;
            }
            let name = outside[name_start..j].to_ascii_lowercase();
            let mut value = String::new();
            if j < b.len() && b[j] == b'=' {
                j += 1;
                let quote = b[j];
                if quote == b'"' || quote == b'\'' {
                    let end = j + 1 + outside[j + 1..].find(quote as char).unwrap();
                    value = outside[j + 1..end].to_string();
                    j = end + 1;
                } else {
                    let start = j;
                    while j < b.len() && !b[j].is_ascii_whitespace() && b[j] != b'>' {
                        j += 1;
                    }
                    value = outside[start..j].to_string();
                }
            }
            out.push((name, value));
        }
    }
    out
}

#[test]
fn formats_know_html() {
    assert_eq!(Format::from_name("html"), Some(Format::Html));
    assert_eq!(
        Format::from_extension(Path::new("out/report.HTML")),
        Some(Format::Html)
    );
    assert_eq!(
        Format::from_extension(Path::new("report.htm")),
        Some(Format::Html)
    );
    assert!(Format::ALL.contains(&Format::Html));
    assert_eq!(Format::Html.name(), "html");
}

#[test]
fn article_markup_is_escaped_everywhere() {
    let report = hostile_report();
    assert!(
        report.statements.len() >= 3,
        "the hostile sentences are shared between outlets"
    );
    let html = html_of(&report);

    // Only the two script elements of the template.
    assert_eq!(html.matches("<script").count(), 2);
    assert_eq!(html.matches("</script").count(), 2);
    assert!(html.contains("<script type=\"application/gzip\" id=\"isnad-data\""));

    // No markup from the input became a tag: every tag is one the template uses.
    let allowed: BTreeSet<&str> = [
        "!doctype", "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3",
        "nav", "a", "main", "section", "div", "b", "span", "table", "caption", "thead", "tbody",
        "tr", "th", "td", "svg", "rect", "small", "br", "em", "bdi", "details", "summary", "p",
        "code", "line", "text", "circle", "form", "label", "select", "option", "input", "button",
        "output", "ol", "footer", "script",
    ]
    .into_iter()
    .collect();
    for name in tag_names(&html) {
        assert!(allowed.contains(name.as_str()), "unexpected tag <{name}>");
    }

    // Server-rendered parts show the markup as text (minijinja also escapes `/`).
    let shown = html.replace("&#x2f;", "/");
    assert!(
        shown.contains("paper&lt;img src=x onerror=window.__isnadPwned=&quot;outlet&quot;&gt;")
    );
    assert!(shown.contains("not UTF-8: &lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(shown.contains("&lt;b&gt;bold&lt;/b&gt;"));
    assert!(!html.contains("<img") && !html.contains("<b>bold"));

    // Nothing links or loads from outside: only in-page anchors.
    let attrs = attributes(&html);
    let links: Vec<_> = attrs
        .iter()
        .filter(|(n, _)| {
            matches!(
                n.as_str(),
                "src" | "href" | "action" | "formaction" | "xlink:href"
            )
        })
        .collect();
    assert!(!links.is_empty());
    for (_, l) in &links {
        assert!(l.starts_with('#'), "external or script link {l:?}");
    }
    for (name, value) in &attrs {
        assert!(
            !name.starts_with("on"),
            "event handler attribute {name}={value:?}"
        );
    }
    // No URL outside the data block (the fixture's `http://` url is not shown as a link).
    let outside = html
        .replace(script_content(&html, 0), "")
        .to_ascii_lowercase();
    assert!(!outside.contains("http://") && !outside.contains("https://"));
    assert!(!outside.contains("javascript:"));
}

#[test]
fn the_policy_allows_only_the_inline_script_and_style() {
    let html = html_of(&hostile_report());
    let meta = "<meta http-equiv=\"Content-Security-Policy\" content=\"";
    let start = html.find(meta).expect("CSP meta tag") + meta.len();
    // The attribute value as the browser decodes it.
    let csp = html[start..start + html[start..].find('"').unwrap()]
        .replace("&#x27;", "'")
        .replace("&#x2f;", "/")
        .replace("&quot;", "\"")
        .replace("&amp;", "&");
    assert!(!csp.contains('&'), "{csp}");
    assert!(csp.starts_with("default-src 'none';"), "{csp}");
    assert!(!csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"));
    let hash = |s: &str| {
        format!(
            "'sha256-{}'",
            base64::engine::general_purpose::STANDARD.encode(Sha256::digest(s.as_bytes()))
        )
    };
    let script = script_content(&html, 1);
    assert!(
        csp.contains(&format!("script-src {}", hash(script))),
        "{csp}"
    );
    let style_start = html.find("<style>").unwrap() + "<style>".len();
    let style = &html[style_start..style_start + html[style_start..].find("</style>").unwrap()];
    assert!(csp.contains(&format!("style-src {}", hash(style))), "{csp}");
    // The CSP meta comes before anything that could load or run.
    assert!(start < html.find("<style>").unwrap());
}

#[test]
fn embedded_data_round_trips_with_utf16_spans() {
    let report = hostile_report();
    let html = html_of(&report);
    let block = script_content(&html, 0);
    assert!(
        block
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b)),
        "the data block is base64"
    );
    let data = embedded_json(&html);
    for bad in ['<', '>', '&', '\u{2028}', '\u{2029}'] {
        assert!(!data.contains(bad), "raw {bad:?} in the JSON");
    }
    let v: serde_json::Value = serde_json::from_str(&data).unwrap();
    let texts: Vec<&str> = v["texts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap())
        .collect();
    assert!(
        texts
            .iter()
            .any(|t| t.contains("<script>window.__isnadPwned = \"script\";</script>"))
    );

    // Every statement unit's spans, sliced as JavaScript would (UTF-16),
    // give the same text as the model's byte spans.
    let mut checked = 0;
    for (si, st) in report.statements.iter().enumerate() {
        let spans = report.statement_spans(st);
        let embedded = &v["statements"][si]["u"];
        for (k, &ui) in st.unit_indices.iter().enumerate() {
            let unit = &v["units"][embedded[k].as_u64().unwrap() as usize];
            let text = texts[unit[2].as_u64().unwrap() as usize];
            assert_eq!(text, report.units[ui].text);
            let utf16: Vec<u16> = text.encode_utf16().collect();
            let flat: Vec<usize> = unit[5]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_u64().unwrap() as usize)
                .collect();
            let got: Vec<String> = flat
                .chunks(2)
                .map(|c| String::from_utf16(&utf16[c[0]..c[1]]).unwrap())
                .collect();
            let want: Vec<String> = spans
                .get(&ui)
                .into_iter()
                .flatten()
                .map(|s| text[s[0]..s[1]].to_string())
                .filter(|s| !s.is_empty())
                .collect();
            assert_eq!(got, want);
            checked += 1;
        }
    }
    assert!(checked >= 6);
}

#[test]
fn a_report_without_statements_or_dates_still_renders() {
    let article = |id: &str, outlet: &str, text: &str| InputArticle {
        id: id.into(),
        path: format!("{id}.txt"),
        outlet: outlet.into(),
        content: Content::Text(text.into()),
        ..Default::default()
    };
    let report = build(
        vec![
            article("a", "one", "A sentence that only one outlet carries today."),
            article(
                "b",
                "two",
                "جملة أخرى لا يحملها إلا منفذ واحد فقط في هذا اليوم.",
            ),
        ],
        &Options::default(),
        &|_| {},
    )
    .unwrap();
    let html = html_of(&report);
    assert!(html.contains("No shared statement has a dated article"));
    let v: serde_json::Value = serde_json::from_str(&embedded_json(&html)).unwrap();
    assert_eq!(v["statements"].as_array().unwrap().len(), 0);
    assert_eq!(v["articles"].as_array().unwrap().len(), 2);
}
