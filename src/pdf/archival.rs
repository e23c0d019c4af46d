//! What turns a finished PDF into the PDF/A-2b archive copy (docs/layout.md §10; ISO 19005-2,
//! level B): XMP metadata that names the conformance and repeats the document information, and an
//! sRGB output intent, since pages use DeviceRGB (the red masthead). Everything else PDF/A-2b asks
//! for the normal export already has: every font embedded (as subsets, with ToUnicode maps), a
//! trailer /ID, no encryption, no transparency, no external content.

use lopdf::{dictionary, Document as LoDocument, Object, Stream};

use crate::page::DocumentMeta;

/// The sRGB IEC 61966-2.1 profile (v2, from Debian's icc-profiles-free; licence beside it).
const SRGB_ICC: &[u8] = include_bytes!("../../assets/color/sRGB.icc");

/// Adds the XMP metadata and the output intent to `doc`'s catalogue and declares PDF 1.7, the
/// version PDF/A-2 is built on. `producer` and `creator` must be the Info dictionary's values
/// (PDF/A requires the two to agree).
pub(crate) fn make_pdfa_2b(
    doc: &mut LoDocument,
    meta: &DocumentMeta,
    creator: &str,
    producer: &str,
) {
    doc.version = "1.7".to_string();
    let xmp = doc.add_object(
        Stream::new(
            dictionary! { "Type" => "Metadata", "Subtype" => "XML" },
            xmp_packet(meta, creator, producer).into_bytes(),
        )
        // Readers that know nothing of filters must still find the XMP packet.
        .with_compression(false),
    );
    let profile = doc.add_object(Stream::new(dictionary! { "N" => 3 }, SRGB_ICC.to_vec()));
    let intent = dictionary! {
        "Type" => "OutputIntent",
        "S" => "GTS_PDFA1",
        "OutputConditionIdentifier" => Object::string_literal("sRGB IEC61966-2.1"),
        "RegistryName" => Object::string_literal("http://www.color.org"),
        "Info" => Object::string_literal("sRGB IEC61966-2.1"),
        "DestOutputProfile" => profile,
    };
    let Ok(root) = doc.trailer.get(b"Root").and_then(Object::as_reference) else {
        return;
    };
    if let Ok(catalog) = doc.get_dictionary_mut(root) {
        catalog.set("Metadata", xmp);
        catalog.set("OutputIntents", vec![Object::Dictionary(intent)]);
    }
}

/// The XMP packet (ISO 16684-1) with the document's title, author and dates as in its Info
/// dictionary, and `pdfaid:part` 2, `pdfaid:conformance` B.
fn xmp_packet(meta: &DocumentMeta, creator: &str, producer: &str) -> String {
    let date = format!("{}T00:00:00+00:00", meta.date.format("%Y-%m-%d"));
    let title = escape(&meta.title);
    let author = escape(&meta.author);
    let creator = escape(creator);
    let producer = escape(producer);
    format!(
        "<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n\
<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n\
 <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n\
  <rdf:Description rdf:about=\"\"\n\
    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n\
    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n\
    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n\
    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n\
   <dc:format>application/pdf</dc:format>\n\
   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{title}</rdf:li></rdf:Alt></dc:title>\n\
   <dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>\n\
   <xmp:CreateDate>{date}</xmp:CreateDate>\n\
   <xmp:ModifyDate>{date}</xmp:ModifyDate>\n\
   <xmp:MetadataDate>{date}</xmp:MetadataDate>\n\
   <xmp:CreatorTool>{creator}</xmp:CreatorTool>\n\
   <pdf:Producer>{producer}</pdf:Producer>\n\
   <pdfaid:part>2</pdfaid:part>\n\
   <pdfaid:conformance>B</pdfaid:conformance>\n\
  </rdf:Description>\n\
 </rdf:RDF>\n\
</x:xmpmeta>\n\
<?xpacket end=\"w\"?>"
    )
}

/// Escapes text for XML character data.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_profile_is_an_rgb_display_profile() {
        // ICC.1 header: device class at byte 12, colour space at byte 16.
        assert_eq!(&SRGB_ICC[12..16], b"mntr");
        assert_eq!(&SRGB_ICC[16..20], b"RGB ");
        let size = u32::from_be_bytes(SRGB_ICC[0..4].try_into().unwrap()) as usize;
        assert_eq!(size, SRGB_ICC.len());
    }

    #[test]
    fn markup_in_the_title_is_escaped() {
        let meta = DocumentMeta {
            title: "<img src=x> & \"q\"".into(),
            author: "编".into(),
            date: chrono::NaiveDate::from_ymd_opt(2020, 4, 30).unwrap(),
        };
        let xmp = xmp_packet(&meta, "Bulletin", "Bulletin 1");
        assert!(
            xmp.contains("&lt;img src=x&gt; &amp; &quot;q&quot;"),
            "{xmp}"
        );
        assert!(xmp.contains("<xmp:CreateDate>2020-04-30T00:00:00+00:00</xmp:CreateDate>"));
    }
}
