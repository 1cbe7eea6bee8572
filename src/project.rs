//! The project view: all files' facts together. Cross-file value resolution (the link
//! stage of DESIGN.md §1) grows here; today it offers project-wide queries to rules.

use crate::semantic::ir::{FileFacts, JwtOp, OpKind};

#[derive(Debug, Default)]
pub struct ProjectFacts {
    pub files: Vec<FileFacts>,
}

impl ProjectFacts {
    pub fn new(mut files: Vec<FileFacts>) -> ProjectFacts {
        files.sort_by(|a, b| a.path.cmp(&b.path));
        ProjectFacts { files }
    }

    pub fn ops(&self) -> impl Iterator<Item = &JwtOp> {
        self.files.iter().flat_map(|f| f.ops.iter())
    }

    /// Module-level defaults of one library (NestJS `JwtModule.register`), in path order.
    pub fn module_configs<'a>(&'a self, lib: &'a str) -> impl Iterator<Item = &'a JwtOp> + 'a {
        self.ops()
            .filter(move |op| op.lib == lib && op.kind == OpKind::ModuleConfig)
    }
}
