//! Finds where a JSON path (e.g. `events[12].sources[0]`) sits in a file's text,
//! so that problems found after parsing can still name a `line:column`.

/// One step of a JSON path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathStep {
    Key(String),
    Index(usize),
}

/// A JSON path, displayed the way authors read it: `events[12].sources[0]`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JsonPath(pub Vec<PathStep>);

impl JsonPath {
    pub fn root() -> Self {
        JsonPath(Vec::new())
    }
    pub fn key(&self, key: &str) -> Self {
        let mut steps = self.0.clone();
        steps.push(PathStep::Key(key.to_string()));
        JsonPath(steps)
    }
    pub fn index(&self, index: usize) -> Self {
        let mut steps = self.0.clone();
        steps.push(PathStep::Index(index));
        JsonPath(steps)
    }
}

impl std::fmt::Display for JsonPath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, step) in self.0.iter().enumerate() {
            match step {
                PathStep::Key(k) if i == 0 => write!(f, "{k}")?,
                PathStep::Key(k) => write!(f, ".{k}")?,
                PathStep::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

/// Returns the 1-based (line, column) where the value at `path` starts, if the text holds it.
pub fn locate(text: &str, path: &JsonPath) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut pos = skip_ws(bytes, 0);
    for step in &path.0 {
        pos = match step {
            PathStep::Key(key) => find_key(bytes, pos, key)?,
            PathStep::Index(n) => find_index(bytes, pos, *n)?,
        };
    }
    Some(line_col(text, pos))
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && b[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

/// Skips one JSON value starting at `i` (after whitespace); returns the offset after it.
fn skip_value(b: &[u8], i: usize) -> Option<usize> {
    let i = skip_ws(b, i);
    match *b.get(i)? {
        b'"' => skip_string(b, i),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut j = i;
            while j < b.len() {
                match b[j] {
                    b'"' => {
                        j = skip_string(b, j)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(j + 1);
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            None
        }
        _ => {
            let mut j = i;
            while j < b.len() && !matches!(b[j], b',' | b'}' | b']') && !b[j].is_ascii_whitespace() {
                j += 1;
            }
            Some(j)
        }
    }
}

fn skip_string(b: &[u8], i: usize) -> Option<usize> {
    let mut j = i + 1;
    while j < b.len() {
        match b[j] {
            b'\\' => j += 2,
            b'"' => return Some(j + 1),
            _ => j += 1,
        }
    }
    None
}

fn find_key(b: &[u8], i: usize, key: &str) -> Option<usize> {
    let i = skip_ws(b, i);
    if b.get(i) != Some(&b'{') {
        return None;
    }
    let mut j = skip_ws(b, i + 1);
    while j < b.len() && b[j] != b'}' {
        let key_start = j;
        let key_end = skip_string(b, j)?;
        let raw = &b[key_start..key_end];
        // Most keys have no escapes: compare their bytes as they stand.
        let matches = if raw.contains(&b'\\') {
            serde_json::from_slice::<String>(raw).ok()? == key
        } else {
            raw.get(1..raw.len().saturating_sub(1)) == Some(key.as_bytes())
        };
        j = skip_ws(b, key_end);
        if b.get(j) != Some(&b':') {
            return None;
        }
        j = skip_ws(b, j + 1);
        if matches {
            return Some(j);
        }
        j = skip_ws(b, skip_value(b, j)?);
        if b.get(j) == Some(&b',') {
            j = skip_ws(b, j + 1);
        }
    }
    None
}

fn find_index(b: &[u8], i: usize, n: usize) -> Option<usize> {
    let i = skip_ws(b, i);
    if b.get(i) != Some(&b'[') {
        return None;
    }
    let mut j = skip_ws(b, i + 1);
    let mut k = 0;
    while j < b.len() && b[j] != b']' {
        if k == n {
            return Some(j);
        }
        j = skip_ws(b, skip_value(b, j)?);
        if b.get(j) == Some(&b',') {
            j = skip_ws(b, j + 1);
        }
        k += 1;
    }
    None
}

/// Fills in the line and column of `path` in `text`, when it can be found.
pub fn locate_in(text: &str, path: &JsonPath, d: &mut super::diagnostics::Diagnostic) {
    if let Some((l, c)) = super::locate::locate(text, path) {
        d.line = Some(l);
        d.column = Some(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nested_values() {
        let text = "{\n  \"events\": [\n    {\"id\": \"a\", \"sources\": [\"x\"]},\n    {\"id\": \"b\\\"]\", \"sources\": [\"y\", \"z\"]}\n  ]\n}";
        let path = JsonPath::root().key("events").index(1).key("sources").index(1);
        assert_eq!(path.to_string(), "events[1].sources[1]");
        assert_eq!(locate(text, &path), Some((4, 37)));
        assert_eq!(locate(text, &JsonPath::root().key("events").index(0).key("id")), Some((3, 12)));
        assert_eq!(locate(text, &JsonPath::root().key("missing")), None);
        let escaped = "{\"a\\\"b\": 1, \"c\": 2}";
        assert_eq!(locate(escaped, &JsonPath::root().key("a\"b")), Some((1, 10)));
        assert_eq!(locate(escaped, &JsonPath::root().key("c")), Some((1, 18)));
    }
}
