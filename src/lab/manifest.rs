//! Manifests as the API server sees them: a Pod or a Deployment read from
//! the YAML tree, refused the way the server refuses it (strict decoding:
//! unknown fields and wrong types; validation: required values, duplicates,
//! mounts of undeclared volumes), with the line of the problem. Accepted
//! manifests may carry warnings (duplicate port definitions), as kubectl
//! prints them.

use super::yaml::{self, Node, Val};

/// What kind of object a manifest declares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ObjKind {
    /// A bare Pod: nothing replaces it.
    Pod,
    /// A Deployment with one replica: a ReplicaSet keeps a Pod running.
    Deployment,
}

impl ObjKind {
    /// `pod` or `deployment.apps`, as kubectl names the resource.
    pub fn resource(self) -> &'static str {
        match self {
            ObjKind::Pod => "pod",
            ObjKind::Deployment => "deployment.apps",
        }
    }
    /// `Pod` or `Deployment`.
    pub fn name(self) -> &'static str {
        match self {
            ObjKind::Pod => "Pod",
            ObjKind::Deployment => "Deployment",
        }
    }
}

/// One declared container port.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PortDecl {
    /// `name`, if given.
    pub name: Option<String>,
    /// `containerPort`.
    pub port: u16,
    /// `protocol` (TCP by default).
    pub protocol: String,
}

/// One container as declared.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CDecl {
    /// `name`.
    pub name: String,
    /// `image`.
    pub image: String,
    /// `command`.
    pub command: Vec<String>,
    /// `args`.
    pub args: Vec<String>,
    /// `env` as name and value (`valueFrom` shows as empty).
    pub env: Vec<(String, String)>,
    /// `ports`.
    pub ports: Vec<PortDecl>,
    /// `volumeMounts`: volume name, mount path, read-only.
    pub mounts: Vec<(String, String, bool)>,
    /// `restartPolicy` of the container (`Always` makes an init container a native sidecar).
    pub restart_policy: Option<String>,
    /// True when a `startupProbe` is declared.
    pub startup_probe: bool,
}

/// The Pod part of a manifest.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PodDecl {
    /// `initContainers` (native sidecars among them).
    pub init: Vec<CDecl>,
    /// `containers`.
    pub containers: Vec<CDecl>,
    /// `volumes` (each an `emptyDir` here, or another source by name).
    pub volumes: Vec<(String, String)>,
    /// `restartPolicy`.
    pub restart_policy: String,
    /// `terminationGracePeriodSeconds`.
    pub grace: u64,
    /// `shareProcessNamespace`.
    pub share_pid: bool,
    /// The Pod's labels.
    pub labels: Vec<(String, String)>,
    /// The `kubectl.kubernetes.io/default-container` annotation.
    pub default_container: Option<String>,
}

/// A manifest the API server accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Object {
    /// Pod or Deployment.
    pub kind: ObjKind,
    /// `metadata.name`.
    pub name: String,
    /// The Pod (template).
    pub pod: PodDecl,
    /// What kubectl prints as `Warning: …` before the result.
    pub warnings: Vec<String>,
}

/// Why a manifest was refused: kubectl's words and the position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// 1-based line (0 when it concerns the whole file).
    pub line: usize,
    /// 1-based column.
    pub col: usize,
    /// The line kubectl prints.
    pub kubectl: String,
    /// One sentence for the learner: what to change.
    pub advice: String,
}

/// How a field's value must look.
#[derive(Clone, Copy)]
enum Ty {
    Str,
    Int(&'static str),
    Bool,
    StrList,
    StrMap,
    Obj(&'static [(&'static str, Ty)], &'static str),
    List(&'static [(&'static str, Ty)], &'static str),
    /// Accepted as written, not modelled (probes, resources …).
    Any,
}

use Ty::*;

const PORT: &[(&str, Ty)] = &[
    ("containerPort", Int("int32")),
    ("name", Str),
    ("protocol", Str),
    ("hostPort", Int("int32")),
    ("hostIP", Str),
];
const ENV: &[(&str, Ty)] = &[("name", Str), ("value", Str), ("valueFrom", Any)];
const MOUNT: &[(&str, Ty)] = &[
    ("name", Str),
    ("mountPath", Str),
    ("readOnly", Bool),
    ("subPath", Str),
    ("subPathExpr", Str),
    ("mountPropagation", Str),
    ("recursiveReadOnly", Str),
];
const CONTAINER: &[(&str, Ty)] = &[
    ("name", Str),
    ("image", Str),
    ("command", StrList),
    ("args", StrList),
    ("env", List(ENV, "EnvVar")),
    ("envFrom", Any),
    ("ports", List(PORT, "ContainerPort")),
    ("volumeMounts", List(MOUNT, "VolumeMount")),
    ("resources", Any),
    ("livenessProbe", Any),
    ("readinessProbe", Any),
    ("startupProbe", Any),
    ("lifecycle", Any),
    ("restartPolicy", Str),
    ("restartPolicyRules", Any),
    ("imagePullPolicy", Str),
    ("workingDir", Str),
    ("securityContext", Any),
    ("stdin", Bool),
    ("tty", Bool),
    ("terminationMessagePath", Str),
    ("terminationMessagePolicy", Str),
    ("resizePolicy", Any),
];
const VOLUME: &[(&str, Ty)] = &[
    ("name", Str),
    ("emptyDir", Any),
    ("configMap", Any),
    ("secret", Any),
    ("hostPath", Any),
    ("persistentVolumeClaim", Any),
    ("projected", Any),
    ("downwardAPI", Any),
];
const POD_SPEC: &[(&str, Ty)] = &[
    ("containers", List(CONTAINER, "Container")),
    ("initContainers", List(CONTAINER, "Container")),
    ("volumes", List(VOLUME, "Volume")),
    ("restartPolicy", Str),
    ("terminationGracePeriodSeconds", Int("int64")),
    ("shareProcessNamespace", Bool),
    ("activeDeadlineSeconds", Int("int64")),
    ("nodeName", Str),
    ("nodeSelector", StrMap),
    ("serviceAccountName", Str),
    ("automountServiceAccountToken", Bool),
    ("securityContext", Any),
    ("hostname", Str),
    ("subdomain", Str),
    ("affinity", Any),
    ("tolerations", Any),
    ("dnsPolicy", Str),
    ("priorityClassName", Str),
    ("enableServiceLinks", Bool),
    ("imagePullSecrets", Any),
    ("schedulerName", Str),
    ("topologySpreadConstraints", Any),
    ("resources", Any),
];
const META: &[(&str, Ty)] = &[
    ("name", Str),
    ("namespace", Str),
    ("labels", StrMap),
    ("annotations", StrMap),
    ("generateName", Str),
];
const TEMPLATE: &[(&str, Ty)] = &[
    ("metadata", Obj(META, "ObjectMeta")),
    ("spec", Obj(POD_SPEC, "PodSpec")),
];
const SELECTOR: &[(&str, Ty)] = &[("matchLabels", StrMap), ("matchExpressions", Any)];
const DEPLOY_SPEC: &[(&str, Ty)] = &[
    ("replicas", Int("int32")),
    ("selector", Obj(SELECTOR, "LabelSelector")),
    ("template", Obj(TEMPLATE, "PodTemplateSpec")),
    ("strategy", Any),
    ("minReadySeconds", Int("int32")),
    ("revisionHistoryLimit", Int("int32")),
    ("progressDeadlineSeconds", Int("int32")),
    ("paused", Bool),
];

/// Reads a manifest file the way `kubectl apply -f FILE` would.
pub fn read(file: &str, text: &str) -> Result<Object, Refusal> {
    let root = yaml::parse(text).map_err(|e| {
        let msg = e.message.clone();
        Refusal {
            line: e.line,
            col: e.col,
            kubectl: format!(
                "error: error parsing {file}: error converting YAML to JSON: yaml: line {}: {msg}",
                e.line
            ),
            advice: "The file is not valid YAML: check the indentation (spaces, never tabs) \
                     and the brackets around the line named."
                .into(),
        }
    })?;
    let whole = |kubectl: String, advice: &str| Refusal {
        line: 0,
        col: 0,
        kubectl,
        advice: advice.to_string(),
    };
    if !matches!(root.val, Val::Map(_)) {
        return Err(whole(
            format!(
                "error: error validating \"{file}\": error validating data: the manifest is not an object"
            ),
            "A manifest is a mapping with apiVersion, kind, metadata and spec.",
        ));
    }
    let (Some(api), Some(kind)) = (root.get("apiVersion"), root.get("kind")) else {
        let missing = if root.get("kind").is_none() {
            "kind"
        } else {
            "apiVersion"
        };
        return Err(whole(
            format!(
                "error: error validating \"{file}\": error validating data: {missing} not set; if you \
                 choose to ignore these errors, turn validation off with --validate=false"
            ),
            "Every manifest starts with apiVersion and kind (apps/v1 Deployment, v1 Pod).",
        ));
    };
    let (api_s, kind_s) = (api.as_str().unwrap_or(""), kind.as_str().unwrap_or(""));
    let obj_kind = match (api_s, kind_s) {
        ("v1", "Pod") => ObjKind::Pod,
        ("apps/v1", "Deployment") => ObjKind::Deployment,
        _ => {
            let name = root
                .get("metadata")
                .and_then(|m| m.get("name"))
                .and_then(Node::as_str)
                .unwrap_or("");
            let advice = match kind_s {
                "Pod" | "Deployment" => format!(
                    "{kind_s} lives in apiVersion {}.",
                    if kind_s == "Pod" { "v1" } else { "apps/v1" }
                ),
                _ => {
                    "This lab's cluster runs Pods (apiVersion v1) and Deployments (apps/v1).".into()
                }
            };
            return Err(Refusal {
                line: kind.line,
                col: kind.col,
                kubectl: format!(
                    "error: resource mapping not found for name: \"{name}\" namespace: \"\" from \"{file}\": \
                     no matches for kind \"{kind_s}\" in version \"{api_s}\"\nensure CRDs are installed first"
                ),
                advice,
            });
        }
    };
    let top: &[(&str, Ty)] = match obj_kind {
        ObjKind::Pod => &[
            ("apiVersion", Str),
            ("kind", Str),
            ("metadata", Obj(META, "ObjectMeta")),
            ("spec", Obj(POD_SPEC, "PodSpec")),
            ("status", Any),
        ],
        ObjKind::Deployment => &[
            ("apiVersion", Str),
            ("kind", Str),
            ("metadata", Obj(META, "ObjectMeta")),
            ("spec", Obj(DEPLOY_SPEC, "DeploymentSpec")),
            ("status", Any),
        ],
    };
    let go_kind = obj_kind.name();
    let decode_err = |line: usize, col: usize, what: String, advice: String| Refusal {
        line,
        col,
        kubectl: format!(
            "Error from server (BadRequest): error when creating \"{file}\": {go_kind} in version \"v1\" \
             cannot be handled as a {go_kind}: {what}"
        ),
        advice,
    };
    // Strict decoding: the first wrong type stops decoding; unknown fields are all listed.
    let mut unknown: Vec<(String, usize, usize, String)> = Vec::new();
    if let Some((n, path, go, ty)) = walk(&root, top, "", go_kind, &mut unknown) {
        return Err(decode_err(
            n.line,
            n.col,
            format!(
                "json: cannot unmarshal {} into Go struct field {go}.{} of type {ty}",
                n.val.json_kind(),
                strip_indexes(&path)
            ),
            format!("`{}` must be {}.", last(&path), ty_words(ty)),
        ));
    }
    if let Some((_, line, col, _)) = unknown.first() {
        let list: Vec<String> = unknown
            .iter()
            .map(|(p, ..)| format!("unknown field \"{p}\""))
            .collect();
        let advice = unknown
            .iter()
            .map(|(p, _, _, sugg)| {
                if sugg.is_empty() {
                    format!("`{}` is not a field there.", last(p))
                } else {
                    format!("`{}` is not a field there; did you mean `{sugg}`?", last(p))
                }
            })
            .collect::<Vec<_>>()
            .join(" ");
        return Err(decode_err(
            *line,
            *col,
            format!("strict decoding error: {}", list.join(", ")),
            advice,
        ));
    }
    build(file, &root, obj_kind)
}

fn last(path: &str) -> &str {
    let p = path.rsplit('.').next().unwrap_or(path);
    p.split('[').next().unwrap_or(p)
}

fn ty_words(ty: &str) -> &'static str {
    match ty {
        "int32" | "int64" => "a number (no quotes)",
        "bool" => "true or false",
        "string" => "a string",
        "[]string" => "a list of strings",
        "map[string]string" => "a mapping of strings",
        _ if ty.starts_with("[]") => "a list",
        _ => "a mapping",
    }
}

fn strip_indexes(path: &str) -> String {
    let mut out = String::new();
    let mut skip = false;
    for c in path.chars() {
        match c {
            '[' => skip = true,
            ']' => skip = false,
            _ if !skip => out.push(c),
            _ => {}
        }
    }
    out
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// Walks `n` against `fields`; returns the first type error as (node, path,
/// Go struct, Go type) and collects unknown fields with a suggestion.
fn walk<'a>(
    n: &'a Node,
    fields: &[(&str, Ty)],
    path: &str,
    go: &'static str,
    unknown: &mut Vec<(String, usize, usize, String)>,
) -> Option<(&'a Node, String, &'static str, &'static str)> {
    let Val::Map(m) = &n.val else {
        return None;
    };
    for (k, v) in m {
        let key = match &k.val {
            Val::Str(s) => s.clone(),
            other => format!("{other:?}"),
        };
        let child = join(path, &key);
        let Some((_, ty)) = fields.iter().find(|(f, _)| *f == key) else {
            let sugg = suggest(&key, fields);
            unknown.push((child, k.line, k.col, sugg));
            continue;
        };
        if matches!(v.val, Val::Null) {
            continue;
        }
        let bad = |t: &'static str| Some((v, child.clone(), go, t));
        match *ty {
            Str => {
                if !matches!(v.val, Val::Str(_)) {
                    return bad("string");
                }
            }
            Int(t) => {
                if !matches!(v.val, Val::Int(_)) {
                    return bad(t);
                }
            }
            Bool => {
                if !matches!(v.val, Val::Bool(_)) {
                    return bad("bool");
                }
            }
            StrList => match &v.val {
                Val::Seq(items) => {
                    if let Some(i) = items.iter().find(|i| !matches!(i.val, Val::Str(_))) {
                        return Some((i, child.clone(), go, "string"));
                    }
                }
                _ => return bad("[]string"),
            },
            StrMap => match &v.val {
                Val::Map(items) => {
                    if let Some((_, i)) = items.iter().find(|(_, i)| !matches!(i.val, Val::Str(_)))
                    {
                        return Some((i, child.clone(), go, "string"));
                    }
                }
                _ => return bad("map[string]string"),
            },
            Obj(sub, name) => {
                if !matches!(v.val, Val::Map(_)) {
                    return bad("object");
                }
                if let Some(e) = walk(v, sub, &child, name, unknown) {
                    return Some(e);
                }
            }
            List(sub, name) => match &v.val {
                Val::Seq(items) => {
                    for (i, item) in items.iter().enumerate() {
                        if !matches!(item.val, Val::Map(_)) {
                            return Some((item, child.clone(), go, "object"));
                        }
                        if let Some(e) = walk(item, sub, &format!("{child}[{i}]"), name, unknown) {
                            return Some(e);
                        }
                    }
                }
                _ => return bad("array"),
            },
            Any => {}
        }
    }
    None
}

/// The known field closest to a misspelt one.
fn suggest(key: &str, fields: &[(&str, Ty)]) -> String {
    let lower = key.to_ascii_lowercase();
    fields
        .iter()
        .map(|(f, _)| (*f, distance(&lower, &f.to_ascii_lowercase())))
        .filter(|(f, d)| {
            *d <= 2.max(f.len() / 4)
                || lower.starts_with(&f.to_ascii_lowercase())
                || f.to_ascii_lowercase().starts_with(&lower)
        })
        .min_by_key(|(_, d)| *d)
        .map(|(f, _)| f.to_string())
        .unwrap_or_default()
}

/// Edit distance, for "did you mean".
pub(crate) fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != *cb);
            cur.push(sub.min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

fn strs(n: Option<&Node>) -> Vec<String> {
    match n.map(|n| &n.val) {
        Some(Val::Seq(v)) => v
            .iter()
            .filter_map(|i| i.as_str().map(str::to_string))
            .collect(),
        _ => Vec::new(),
    }
}

fn str_map(n: Option<&Node>) -> Vec<(String, String)> {
    match n.map(|n| &n.val) {
        Some(Val::Map(m)) => m
            .iter()
            .filter_map(|(k, v)| Some((k.as_str()?.to_string(), v.as_str()?.to_string())))
            .collect(),
        _ => Vec::new(),
    }
}

fn items(n: Option<&Node>) -> &[Node] {
    match n.map(|n| &n.val) {
        Some(Val::Seq(v)) => v,
        _ => &[],
    }
}

fn int(n: Option<&Node>) -> Option<i64> {
    match n.map(|n| &n.val) {
        Some(Val::Int(i)) => Some(*i),
        _ => None,
    }
}

/// Builds the object from a tree that decoded, and validates it.
fn build(file: &str, root: &Node, kind: ObjKind) -> Result<Object, Refusal> {
    let meta = root.get("metadata");
    let name = meta
        .and_then(|m| m.get("name"))
        .and_then(Node::as_str)
        .unwrap_or("")
        .to_string();
    let invalid = |n: Option<&Node>, field: String, what: String, advice: &str| {
        let (line, col) = n.map_or((0, 0), |n| (n.line, n.col));
        Refusal {
            line,
            col,
            kubectl: format!("The {} \"{name}\" is invalid: {field}: {what}", kind.name()),
            advice: advice.to_string(),
        }
    };
    if name.is_empty() {
        return Err(Refusal {
            line: meta.map_or(0, |m| m.line),
            col: meta.map_or(0, |m| m.col),
            kubectl: format!(
                "error: error when retrieving current configuration of:\nResource: \"{}\", Name: \"\", \
                 Namespace: \"default\"\nfrom server for: \"{file}\": resource name may not be empty",
                kind.resource()
            ),
            advice: "Give the object a name under metadata (`name: web`).".into(),
        });
    }
    let (spec, prefix, tmeta) = match kind {
        ObjKind::Pod => (root.get("spec"), "spec".to_string(), meta),
        ObjKind::Deployment => {
            let dspec = root.get("spec");
            let t = dspec.and_then(|s| s.get("template"));
            let selector = dspec.and_then(|s| s.get("selector"));
            let tm = t.and_then(|t| t.get("metadata"));
            let labels = str_map(tm.and_then(|m| m.get("labels")));
            let want = str_map(selector.and_then(|s| s.get("matchLabels")));
            if selector.is_none() {
                return Err(invalid(
                    dspec,
                    "spec.selector".into(),
                    "Required value".into(),
                    "A Deployment needs `selector.matchLabels` naming its Pods' labels.",
                ));
            }
            if want.is_empty() || !want.iter().all(|kv| labels.contains(kv)) {
                let shown = labels
                    .iter()
                    .map(|(k, v)| format!("\"{k}\":\"{v}\""))
                    .collect::<Vec<_>>()
                    .join(", ");
                return Err(invalid(
                    tm.or(t),
                    "spec.template.metadata.labels".into(),
                    format!(
                        "Invalid value: map[string]string{{{shown}}}: `selector` does not match template `labels`"
                    ),
                    "The template's labels must include every label of selector.matchLabels.",
                ));
            }
            if let Some(r) = int(dspec.and_then(|s| s.get("replicas")))
                && r != 1
            {
                return Err(Refusal {
                    line: dspec.and_then(|s| s.get("replicas")).map_or(0, |n| n.line),
                    col: dspec.and_then(|s| s.get("replicas")).map_or(0, |n| n.col),
                    kubectl: format!(
                        "error: this lab runs one replica; replicas: {r} is not simulated"
                    ),
                    advice: "Keep `replicas: 1`: the lab's node runs one Pod per Deployment."
                        .into(),
                });
            }
            (
                t.and_then(|t| t.get("spec")),
                "spec.template.spec".to_string(),
                tm,
            )
        }
    };
    let Some(spec) = spec else {
        return Err(invalid(
            root.get("spec").or(Some(root)),
            format!("{prefix}.containers"),
            "Required value".into(),
            "A Pod needs at least one container under spec.containers.",
        ));
    };
    let mut warnings = Vec::new();
    let mut vols: Vec<(String, String)> = Vec::new();
    for (i, v) in items(spec.get("volumes")).iter().enumerate() {
        let vname = v.get("name").and_then(Node::as_str).unwrap_or("");
        let path = format!("{prefix}.volumes[{i}].name");
        if vname.is_empty() {
            return Err(invalid(
                Some(v),
                path,
                "Required value".into(),
                "Every volume needs a name.",
            ));
        }
        if vols.iter().any(|(n, _)| n == vname) {
            return Err(invalid(
                v.get("name"),
                path,
                format!("Duplicate value: \"{vname}\""),
                "Volume names must be unique in the Pod.",
            ));
        }
        let source = [
            "emptyDir",
            "configMap",
            "secret",
            "hostPath",
            "persistentVolumeClaim",
            "projected",
            "downwardAPI",
        ]
        .into_iter()
        .find(|s| v.get(s).is_some())
        .unwrap_or("emptyDir");
        vols.push((vname.to_string(), source.to_string()));
    }
    let mut all_names: Vec<String> = Vec::new();
    let mut port_defs: Vec<(u16, String, String)> = Vec::new();
    let mut port_names: Vec<(String, String)> = Vec::new();
    let mut lists = Vec::new();
    for (list, key) in [
        ("initContainers", "initContainers"),
        ("containers", "containers"),
    ] {
        let mut out = Vec::new();
        for (i, c) in items(spec.get(list)).iter().enumerate() {
            let cpath = format!("{prefix}.{key}[{i}]");
            let cname = c
                .get("name")
                .and_then(Node::as_str)
                .unwrap_or("")
                .to_string();
            if cname.is_empty() {
                return Err(invalid(
                    Some(c),
                    format!("{cpath}.name"),
                    "Required value".into(),
                    "Every container needs a name.",
                ));
            }
            if all_names.contains(&cname) {
                return Err(invalid(
                    c.get("name"),
                    format!("{cpath}.name"),
                    format!("Duplicate value: \"{cname}\""),
                    "Container names must be unique in the Pod, init containers included.",
                ));
            }
            all_names.push(cname.clone());
            let image = c
                .get("image")
                .and_then(Node::as_str)
                .unwrap_or("")
                .to_string();
            if image.is_empty() {
                return Err(invalid(
                    Some(c),
                    format!("{cpath}.image"),
                    "Required value".into(),
                    "Every container needs an image.",
                ));
            }
            let restart_policy = c
                .get("restartPolicy")
                .and_then(Node::as_str)
                .map(str::to_string);
            if list == "initContainers"
                && let Some(rp) = &restart_policy
                && rp != "Always"
            {
                return Err(invalid(
                    c.get("restartPolicy"),
                    format!("{cpath}.restartPolicy"),
                    format!("Unsupported value: \"{rp}\": supported values: \"Always\""),
                    "Under initContainers, restartPolicy: Always makes a native sidecar; leave it out for a plain init container.",
                ));
            }
            let mut ports = Vec::new();
            let mut own_names: Vec<String> = Vec::new();
            for (j, p) in items(c.get("ports")).iter().enumerate() {
                let ppath = format!("{cpath}.ports[{j}]");
                let Some(n) = int(p.get("containerPort")) else {
                    return Err(invalid(
                        Some(p),
                        format!("{ppath}.containerPort"),
                        "Required value".into(),
                        "Each port needs a containerPort.",
                    ));
                };
                let Some(port) = u16::try_from(n).ok().filter(|&x| x > 0) else {
                    return Err(invalid(
                        p.get("containerPort"),
                        format!("{ppath}.containerPort"),
                        format!("Invalid value: {n}: must be between 1 and 65535, inclusive"),
                        "Ports go from 1 to 65535.",
                    ));
                };
                let pname = p.get("name").and_then(Node::as_str).map(str::to_string);
                let protocol = p
                    .get("protocol")
                    .and_then(Node::as_str)
                    .unwrap_or("TCP")
                    .to_string();
                if let Some(pn) = &pname {
                    if own_names.contains(pn) {
                        return Err(invalid(
                            p.get("name"),
                            format!("{ppath}.name"),
                            format!("Duplicate value: \"{pn}\""),
                            "Port names must be unique in a container (and should be in the Pod).",
                        ));
                    }
                    own_names.push(pn.clone());
                    if let Some((_, other)) = port_names.iter().find(|(n, _)| n == pn) {
                        warnings.push(format!(
                            "{ppath}: duplicate port name \"{pn}\" with {other}, services and probes that select ports by name will use {other}"
                        ));
                    } else {
                        port_names.push((pn.clone(), ppath.clone()));
                    }
                }
                if let Some((_, _, other)) = port_defs
                    .iter()
                    .find(|(q, pr, _)| *q == port && *pr == protocol)
                {
                    warnings.push(format!("{ppath}: duplicate port definition with {other}"));
                } else {
                    port_defs.push((port, protocol.clone(), ppath.clone()));
                }
                ports.push(PortDecl {
                    name: pname,
                    port,
                    protocol,
                });
            }
            let mut mounts = Vec::new();
            for (j, m) in items(c.get("volumeMounts")).iter().enumerate() {
                let mpath = format!("{cpath}.volumeMounts[{j}]");
                let vname = m.get("name").and_then(Node::as_str).unwrap_or("");
                let at = m.get("mountPath").and_then(Node::as_str).unwrap_or("");
                if !vols.iter().any(|(n, _)| n == vname) {
                    return Err(invalid(
                        m.get("name").or(Some(m)),
                        format!("{mpath}.name"),
                        format!("Not found: \"{vname}\""),
                        "A mount names a volume declared under the Pod's volumes; add it there first.",
                    ));
                }
                if at.is_empty() {
                    return Err(invalid(
                        Some(m),
                        format!("{mpath}.mountPath"),
                        "Required value".into(),
                        "Each mount needs a mountPath.",
                    ));
                }
                if mounts
                    .iter()
                    .any(|(_, p, _): &(String, String, bool)| p == at)
                {
                    return Err(invalid(
                        m.get("mountPath"),
                        format!("{mpath}.mountPath"),
                        format!("Invalid value: \"{at}\": must be unique"),
                        "Two mounts of one container cannot share a path.",
                    ));
                }
                let ro = matches!(m.get("readOnly").map(|n| &n.val), Some(Val::Bool(true)));
                mounts.push((vname.to_string(), at.trim_end_matches('/').to_string(), ro));
            }
            let env = items(c.get("env"))
                .iter()
                .map(|e| {
                    (
                        e.get("name")
                            .and_then(Node::as_str)
                            .unwrap_or("")
                            .to_string(),
                        e.get("value")
                            .and_then(Node::as_str)
                            .unwrap_or("")
                            .to_string(),
                    )
                })
                .collect();
            out.push(CDecl {
                name: cname,
                image,
                command: strs(c.get("command")),
                args: strs(c.get("args")),
                env,
                ports,
                mounts,
                restart_policy,
                startup_probe: c.get("startupProbe").is_some(),
            });
        }
        lists.push(out);
    }
    let containers = lists.pop().unwrap_or_default();
    let init = lists.pop().unwrap_or_default();
    if containers.is_empty() {
        return Err(invalid(
            Some(spec),
            format!("{prefix}.containers"),
            "Required value".into(),
            "A Pod needs at least one container under containers.",
        ));
    }
    let restart_policy = spec
        .get("restartPolicy")
        .and_then(Node::as_str)
        .unwrap_or("Always")
        .to_string();
    if !["Always", "OnFailure", "Never"].contains(&restart_policy.as_str()) {
        return Err(invalid(
            spec.get("restartPolicy"),
            format!("{prefix}.restartPolicy"),
            format!(
                "Unsupported value: \"{restart_policy}\": supported values: \"Always\", \"OnFailure\", \"Never\""
            ),
            "restartPolicy is Always, OnFailure or Never.",
        ));
    }
    if kind == ObjKind::Deployment && restart_policy != "Always" {
        return Err(invalid(
            spec.get("restartPolicy"),
            format!("{prefix}.restartPolicy"),
            format!("Unsupported value: \"{restart_policy}\": supported values: \"Always\""),
            "A Deployment's Pods always use restartPolicy: Always.",
        ));
    }
    let grace = int(spec.get("terminationGracePeriodSeconds"))
        .map_or(30, |g| u64::try_from(g).unwrap_or(0));
    let share_pid = matches!(
        spec.get("shareProcessNamespace").map(|n| &n.val),
        Some(Val::Bool(true))
    );
    let default_container = str_map(tmeta.and_then(|m| m.get("annotations")))
        .into_iter()
        .find(|(k, _)| k == "kubectl.kubernetes.io/default-container")
        .map(|(_, v)| v);
    Ok(Object {
        kind,
        name,
        pod: PodDecl {
            init,
            containers,
            volumes: vols,
            restart_policy,
            grace,
            share_pid,
            labels: str_map(tmeta.and_then(|m| m.get("labels"))),
            default_container,
        },
        warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const POD: &str = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27\n    ports:\n    - containerPort: 80\n";

    #[test]
    fn a_pod_reads() {
        let o = read("pod.yaml", POD).unwrap();
        assert_eq!(o.name, "web");
        assert_eq!(o.pod.containers[0].ports[0].port, 80);
    }

    #[test]
    fn unknown_fields_are_listed_with_their_line() {
        let text = POD.replace("    ports:\n", "    port:\n");
        let e = read("pod.yaml", &text).unwrap_err();
        assert_eq!(e.line, 9);
        assert!(
            e.kubectl
                .ends_with("strict decoding error: unknown field \"spec.containers[0].port\""),
            "{}",
            e.kubectl
        );
        assert!(e.advice.contains("did you mean `ports`"), "{}", e.advice);
    }

    #[test]
    fn wrong_types_name_the_go_field() {
        let text = POD.replace("containerPort: 80", "containerPort: \"80\"");
        let e = read("pod.yaml", &text).unwrap_err();
        assert_eq!((e.line, e.col), (10, 22));
        assert!(e.kubectl.ends_with("json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32"), "{}", e.kubectl);
    }

    #[test]
    fn syntax_errors_in_kubectl_words() {
        let e = read("pod.yaml", "apiVersion: v1\nkind: Pod\n metadata: x\n").unwrap_err();
        assert_eq!(e.line, 3);
        assert!(
            e.kubectl.starts_with(
                "error: error parsing pod.yaml: error converting YAML to JSON: yaml: line 3: "
            ),
            "{}",
            e.kubectl
        );
    }

    #[test]
    fn duplicate_ports_warn_and_duplicate_names_in_a_container_are_refused() {
        let two = format!(
            "{POD}  - name: admin\n    image: example.com/admin:1.3\n    ports:\n    - containerPort: 80\n"
        );
        let o = read("pod.yaml", &two).unwrap();
        assert_eq!(
            o.warnings,
            [
                "spec.containers[1].ports[0]: duplicate port definition with spec.containers[0].ports[0]"
            ]
        );
        let dup = POD.replace("    - containerPort: 80\n", "    - containerPort: 80\n      name: http\n    - containerPort: 81\n      name: http\n");
        let e = read("pod.yaml", &dup).unwrap_err();
        assert_eq!(
            e.kubectl,
            "The Pod \"web\" is invalid: spec.containers[0].ports[1].name: Duplicate value: \"http\""
        );
        assert_eq!(e.line, 13);
    }

    #[test]
    fn init_container_restart_policy_must_be_always() {
        let text = POD.replace("  containers:\n", "  initContainers:\n  - name: s\n    image: fluent/fluent-bit:3.2\n    restartPolicy: Never\n  containers:\n");
        let e = read("pod.yaml", &text).unwrap_err();
        assert!(e.kubectl.ends_with("spec.initContainers[0].restartPolicy: Unsupported value: \"Never\": supported values: \"Always\""));
        // Without restartPolicy it is a plain init container: accepted.
        let plain = POD.replace(
            "  containers:\n",
            "  initContainers:\n  - name: s\n    image: fluent/fluent-bit:3.2\n  containers:\n",
        );
        assert_eq!(
            read("pod.yaml", &plain).unwrap().pod.init[0].restart_policy,
            None
        );
    }

    #[test]
    fn mounts_must_name_a_volume() {
        let text = POD.replace(
            "    ports:\n",
            "    volumeMounts:\n    - name: logs\n      mountPath: /var/log/nginx\n    ports:\n",
        );
        let e = read("pod.yaml", &text).unwrap_err();
        assert_eq!(
            e.kubectl,
            "The Pod \"web\" is invalid: spec.containers[0].volumeMounts[0].name: Not found: \"logs\""
        );
        assert_eq!(e.line, 10);
    }
}
