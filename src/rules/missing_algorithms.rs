use super::helpers::shared_keys::{private_halves_of, same_key, sign_algorithm, signs_with_key};
use super::{Rule, RuleCtx, RuleMeta};
use crate::finding::{Edit, Finding};
use crate::fix::{facts, Fix};
use crate::project::ProjectFacts;
use crate::semantic::ir::{example, JwtOp, OpKind, Slot};
use crate::semantic::value::Value;

pub struct MissingAlgorithms;

static META: RuleMeta = crate::rule_meta!("missing-algorithms");

impl Rule for MissingAlgorithms {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &RuleCtx, out: &mut Vec<Finding>) {
        let (project, file) = (cx.project, cx.file);
        for op in file.ops.iter().filter(|op| op.kind.verifies()) {
            let Some(defaults) = project.missing_with_defaults(op, |o| &o.algorithms) else {
                continue;
            };
            let what = match op.kind {
                OpKind::Middleware => "accepts tokens",
                OpKind::Strategy => "authenticates tokens",
                _ => "verifies a token",
            };
            let signed = project_algorithm(project, op);
            let mut f = Finding::new(
                &META,
                op.at.clone(),
                format!("`{}` {what} without an algorithms allowlist", op.api),
                help(op, &defaults, signed.as_ref()),
            )
            .with_fix(
                signed
                    .as_ref()
                    .and_then(|s| fix(op, &s.alg, project.tests_unread)),
            );
            f = f.via(op);
            if let Some(s) = &signed {
                // Where the algorithm of the help (and the fix) comes from.
                f = f.with_related(
                    s.at.clone(),
                    format!("the project signs this key with {} here", s.alg),
                );
            }
            for d in defaults {
                f = f.with_related(
                    d.at.clone(),
                    "the module defaults registered here give no algorithms allowlist either",
                );
            }
            out.push(f);
        }
        // A registration that sets up verification for its app, when the app shows no
        // verification of its own to blame (DESIGN.md §2 "Project boundaries").
        for op in file
            .ops
            .iter()
            .filter(|op| op.sets_up_verification && op.via.is_none() && op.algorithms.is_absent())
        {
            let verified_here = project
                .ops()
                .any(|v| v.lib == op.lib && v.kind.verifies() && project.same_app(v, op));
            if verified_here {
                continue;
            }
            let signed = project_algorithm(project, op);
            out.push(
                Finding::new(
                    &META,
                    op.at.clone(),
                    format!(
                        "`{}` sets up token verification without `{}`",
                        op.api, op.spelling.algorithms
                    ),
                    help(op, &[], signed.as_ref()),
                )
                .with_fix(
                    signed
                        .as_ref()
                        .and_then(|s| fix(op, &s.alg, project.tests_unread)),
                ),
            );
        }
    }
}

/// The one algorithm the project signs the verification's key with, and where.
pub(super) struct Signed<'a> {
    pub alg: String,
    pub at: &'a crate::finding::Loc,
}

impl Signed<'_> {
    /// "this project signs with HS256 (src/auth/tokens.js:12)".
    pub fn said(&self) -> String {
        format!(
            "this project signs with {} ({}:{})",
            self.alg,
            self.at.path.to_string_lossy().replace('\\', "/"),
            self.at.span.start.line
        )
    }
}

/// The algorithm every sign of the verification's key uses, when there is one and it is
/// certain: the signs of the same key (a shared secret: a written `algorithm`, or
/// jsonwebtoken's HS256 default), or, for a public key, the signs with its private half
/// (`JWT_PUBLIC_KEY` / `JWT_PRIVATE_KEY`: only a written algorithm, no default signs with a
/// private key). `None` when no sign uses the key, a sign's algorithm is not known, or they
/// differ.
pub(super) fn project_algorithm<'a>(
    project: &'a ProjectFacts,
    verify: &JwtOp,
) -> Option<Signed<'a>> {
    let same: Vec<&JwtOp> = match same_key(verify, project) {
        Some(id) => signs_with_key(&id, project),
        None => Vec::new(),
    };
    let paired = private_halves_of(verify, project);
    let mut found: Option<Signed<'a>> = None;
    let signs = same
        .iter()
        .map(|s| (*s, false))
        .chain(paired.iter().map(|s| (*s, true)));
    for (sign, pair) in signs {
        // A NestJS `JwtService` sign without its own algorithm takes the module's
        // `signOptions.algorithm`.
        let alg = match sign_algorithm(sign, project) {
            Slot::Present {
                value: Value::Str { value, .. },
                ..
            } => value.to_ascii_uppercase(),
            // jsonwebtoken signs HS256 unless told otherwise (and refuses an asymmetric
            // key for it), so a sign of a shared secret without `algorithm` signs HS256.
            Slot::Absent if sign.lib == "jsonwebtoken" && !pair => "HS256".to_string(),
            _ => return None,
        };
        if alg == "NONE" || found.as_ref().is_some_and(|f| f.alg != alg) {
            return None;
        }
        if found.is_none() {
            found = Some(Signed { alg, at: &sign.at });
        }
    }
    found
}

/// Adds `algorithms: ['<alg>']` where the operation takes it: into its options object
/// written at the call, or as a new options argument after the key (jsonwebtoken and jose
/// verifications). Nothing for a copy seen through a helper, options from a variable or a
/// spread, or a library whose allowlist is not an `algorithms` array.
fn fix(op: &JwtOp, alg: &str, tests_unread: bool) -> Option<Fix> {
    let spelled = op.spelling.algorithms;
    let name = spelled.rsplit('.').next().unwrap_or(spelled);
    if op.via.is_some() || name != "algorithms" || !op.algorithms.is_absent() {
        return None;
    }
    let prop = format!("algorithms: ['{alg}']");
    let edit = match &op.options {
        Slot::Absent
            if !spelled.contains('.')
                && op.kind == OpKind::Verify
                && matches!(op.lib, "jsonwebtoken" | "jose") =>
        {
            Edit::AppendArgument {
                after: op.key.at()?.clone(),
                text: format!("{{ {prop} }}"),
            }
        }
        options => facts::insert_props(options, vec![prop.clone()])?,
    };
    Some(Fix::safe_unless_tests_unread(
        tests_unread,
        format!("Add `{prop}`"),
        vec![edit],
    ))
}

/// What to write, in the library's words: at the call, or in the module defaults it inherits.
/// The verification's key is public key material (a PEM, `createPublicKey`, a JWKS, a key
/// named public).
fn verifies_with_public_key(op: &JwtOp) -> bool {
    op.key.value().is_some_and(|v| {
        crate::semantic::value::is_public_key(v)
            || matches!(
                super::helpers::shared_keys::pair_key_of(v),
                Some((_, super::helpers::shared_keys::Half::Public))
            )
    })
}

fn help(op: &JwtOp, defaults: &[&JwtOp], signed: Option<&Signed>) -> String {
    let module = defaults.first().map(|d| d.spelling.algorithms);
    let name = module.unwrap_or(op.spelling.algorithms);
    let at_module = match module {
        Some(m) => format!(" here, or `{m}` where the module is registered,"),
        None => String::new(),
    };
    match signed {
        Some(s) => {
            let list = format!("['{}']", s.alg);
            let module = match module {
                Some(m) => format!(
                    " here, or `{}` where the module is registered,",
                    example(m, &list)
                ),
                None => String::new(),
            };
            format!(
                "{}: pass `{}`{module} so a token cannot pick its own algorithm",
                s.said(),
                example(op.spelling.algorithms, &list),
            )
        }
        None => format!(
            "pass `{}`{} with the one algorithm you sign with (e.g. `{}`), so a token cannot pick its own algorithm",
            op.spelling.algorithms,
            at_module,
            // A public key verifies public-key signatures: RS256 is the likelier example.
            example(
                name,
                if verifies_with_public_key(op) { "['RS256']" } else { "['HS256']" }
            )
        ),
    }
}
