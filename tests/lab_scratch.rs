use podtutor::lab::{self, Lab};
#[test]
fn scratch() {
    let l = podtutor::lesson::embedded();
    let id = std::env::var("M").unwrap_or("which-container-crashed".into());
    let m = lab::find(&l, &id).unwrap();
    let mut lab = Lab::new(m);
    let cmds = std::env::var("C").unwrap_or_default();
    for c in cmds.split(';') {
        let c = c.replace("POD", &lab.sim().pod().unwrap().name.clone());
        let o = lab.run(c.trim());
        for line in &o.lines {
            println!("{:?}\t{}", line.style, line.text);
        }
    }
}
