use std::time::Instant;
fn main() {
    let root = std::path::PathBuf::from(std::env::args().nth(1).unwrap());
    let file = std::path::PathBuf::from(std::env::args().nth(2).unwrap());
    let config = jwtlint::config::Config { paths: vec![root], ..Default::default() };
    let t = Instant::now();
    let mut ws = jwtlint::workspace::Workspace::new(config, Default::default()).unwrap();
    eprintln!("new {:?}", t.elapsed());
    let text = std::fs::read_to_string(&file).unwrap();
    for i in 0..8 {
        let t = Instant::now();
        ws.set_text(&file, Some(format!("{text}\n// {i}\n")));
        let a = t.elapsed();
        let t = Instant::now();
        let c = ws.check();
        eprintln!("set_text {:?} check {:?} ({} findings)", a, t.elapsed(), c.findings.len());
    }
}
