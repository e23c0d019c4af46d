//! What a proof PDF says about itself: the issue, the proof round and the hash of the round's
//! content, in the document information dictionary (which every reader keeps when it saves
//! annotations) and in the XMP metadata (which survives tools that rewrite the Info dictionary).

use lopdf::{dictionary, Document as LoDocument, Object, Stream};

use crate::page::DocumentMeta;
use crate::proof::ProofIdentity;

/// Info dictionary key of the issue id.
const INFO_ISSUE: &[u8] = b"BulletinIssue";
/// Info dictionary key of the proof round.
const INFO_ROUND: &[u8] = b"BulletinProofRound";
/// Info dictionary key of the content hash.
const INFO_HASH: &[u8] = b"BulletinContentHash";
/// The XMP namespace of the properties.
const NS: &str = "https://bulletin.invalid/ns/proof/1.0/";

/// Records `identity` in `doc`'s Info dictionary and catalogue metadata.
pub(crate) fn write(doc: &mut LoDocument, meta: &DocumentMeta, identity: &ProofIdentity) {
    if let Ok(info) = doc
        .trailer
        .get(b"Info")
        .and_then(Object::as_reference)
        .and_then(|id| doc.get_dictionary_mut(id))
    {
        info.set(
            INFO_ISSUE,
            Object::string_literal(identity.issue_id.to_string()),
        );
        info.set(
            INFO_ROUND,
            Object::string_literal(identity.round.to_string()),
        );
        info.set(
            INFO_HASH,
            Object::string_literal(identity.content_hash.clone()),
        );
    }
    let xmp = doc.add_object(
        Stream::new(
            dictionary! { "Type" => "Metadata", "Subtype" => "XML" },
            xmp_packet(meta, identity).into_bytes(),
        )
        .with_compression(false),
    );
    if let Ok(catalog) = doc
        .trailer
        .get(b"Root")
        .and_then(Object::as_reference)
        .and_then(|id| doc.get_dictionary_mut(id))
    {
        catalog.set("Metadata", xmp);
    }
}

fn xmp_packet(meta: &DocumentMeta, identity: &ProofIdentity) -> String {
    let title = escape(&meta.title);
    format!(
        "<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n\
<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n\
 <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n\
  <rdf:Description rdf:about=\"\"\n\
    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n\
    xmlns:bulletin=\"{NS}\">\n\
   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{title}</rdf:li></rdf:Alt></dc:title>\n\
   <bulletin:IssueId>{}</bulletin:IssueId>\n\
   <bulletin:ProofRound>{}</bulletin:ProofRound>\n\
   <bulletin:ContentHash>{}</bulletin:ContentHash>\n\
  </rdf:Description>\n\
 </rdf:RDF>\n\
</x:xmpmeta>\n\
<?xpacket end=\"w\"?>",
        identity.issue_id, identity.round, identity.content_hash
    )
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The identity a proof PDF records, from its Info dictionary, else its XMP metadata; `None`
/// for a PDF we did not write as a proof.
pub fn read(doc: &LoDocument) -> Option<ProofIdentity> {
    from_info(doc).or_else(|| from_xmp(doc))
}

fn from_info(doc: &LoDocument) -> Option<ProofIdentity> {
    let info = doc.trailer.get(b"Info").ok()?;
    let (_, info) = doc.dereference(info).ok()?;
    let info = info.as_dict().ok()?;
    let text = |key: &[u8]| -> Option<String> {
        let (_, o) = doc.dereference(info.get(key).ok()?).ok()?;
        lopdf::decode_text_string(o).ok()
    };
    identity(&text(INFO_ISSUE)?, &text(INFO_ROUND)?, &text(INFO_HASH)?)
}

fn from_xmp(doc: &LoDocument) -> Option<ProofIdentity> {
    let root = doc.trailer.get(b"Root").ok()?;
    let (_, root) = doc.dereference(root).ok()?;
    let (_, meta) = doc
        .dereference(root.as_dict().ok()?.get(b"Metadata").ok()?)
        .ok()?;
    let stream = meta.as_stream().ok()?;
    let bytes = stream
        .decompressed_content()
        .unwrap_or_else(|_| stream.content.clone());
    let xml = String::from_utf8_lossy(&bytes);
    let property = |name: &str| -> Option<String> {
        let open = format!("<bulletin:{name}>");
        let start = xml.find(&open)? + open.len();
        let end = start + xml[start..].find('<')?;
        Some(xml[start..end].trim().to_string())
    };
    identity(
        &property("IssueId")?,
        &property("ProofRound")?,
        &property("ContentHash")?,
    )
}

fn identity(issue: &str, round: &str, hash: &str) -> Option<ProofIdentity> {
    Some(ProofIdentity {
        issue_id: issue.trim().parse().ok()?,
        round: round.trim().parse().ok()?,
        content_hash: hash.trim().to_string(),
    })
}
