use super::helpers::token_names::names_token;
use super::{Rule, RuleCtx, RuleMeta};
use crate::finding::Finding;
use crate::semantic::value::Value;

pub struct TokenInLocalstorage;

static META: RuleMeta = crate::rule_meta!("token-in-localstorage");

impl Rule for TokenInLocalstorage {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &RuleCtx, out: &mut Vec<Finding>) {
        let file = cx.file;
        for st in &file.stores {
            // Writing a constant (a placeholder, a flag) stores no token.
            if matches!(
                st.value,
                Value::Str { .. } | Value::Num(_) | Value::Bool(_) | Value::Null | Value::Undefined
            ) {
                continue;
            }
            let key_says = st.key.as_str().map(names_token);
            let value_says = st.value_names.iter().any(|n| names_token(n));
            let held = st.value_members.iter().find(|n| names_token(n));
            let flagged = match key_says {
                Some(true) => true,
                _ => value_says || held.is_some(),
            };
            if !flagged {
                continue;
            }
            let thing = match (key_says, value_says, held) {
                (Some(true), _, _) | (_, true, _) => "a token".to_string(),
                (_, _, Some(member)) => format!("an object holding a token (`{member}`)"),
                _ => "a token".to_string(),
            };
            let what = match st.key.as_str() {
                Some(k) => format!("{thing} is written to {} under `{k}`", st.storage.name()),
                None => format!("{thing} is written to {}", st.storage.name()),
            };
            let mut f = Finding::new(
                &META,
                st.at.clone(),
                format!("{what}, where any script on the page (an XSS payload, a compromised dependency) can read it"),
                "keep the token in memory, or let the server set it as an `httpOnly`, `secure`, `sameSite` cookie",
            );
            if let Some(inner) = &st.via {
                f = f.with_related(inner.clone(), "the wrapper writes to storage here");
            }
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::helpers::token_names::names_token;

    #[test]
    fn token_names() {
        for yes in [
            "token",
            "accessToken",
            "refresh_token",
            "jwt",
            "authToken",
            "id_token",
            "userToken",
        ] {
            assert!(names_token(yes), "{yes}");
        }
        for no in [
            "tokenExpiry",
            "token_expires_at",
            "tokenType",
            "theme",
            "csrfToken",
            "fcmToken",
            "user",
            "tokenExp",
        ] {
            assert!(!names_token(no), "{no}");
        }
    }
}
