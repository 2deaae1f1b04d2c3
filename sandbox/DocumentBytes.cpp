#include "DocumentBytes.h"

#include "Prng.h"

#include <cmath>
#include <vector>

namespace hearth::sandbox {

QStringList wrapText(const QStringList &paragraphs, int width)
{
    QStringList out;
    for (const QString &paragraph : paragraphs) {
        if (paragraph.isEmpty()) {
            out.append(QString());
            continue;
        }
        QString line;
        for (const QString &word : paragraph.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            if (!line.isEmpty() && line.size() + 1 + word.size() > width) {
                out.append(line);
                line.clear();
            }
            if (!line.isEmpty())
                line += QLatin1Char(' ');
            line += word;
        }
        out.append(line);
    }
    return out;
}

namespace {

// A PDF literal string: Latin-1 bytes with \, ( and ) escaped.
QByteArray pdfString(const QString &text)
{
    QByteArray out("(");
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        const char ch = u < 256 ? char(u) : '?';
        if (ch == '\\' || ch == '(' || ch == ')')
            out += '\\';
        out += ch;
    }
    return out + ')';
}

class PdfWriter
{
public:
    PdfWriter() { m_bytes = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n"; }
    int reserve() { m_offsets.push_back(-1); return int(m_offsets.size()); }
    void object(int number, const QByteArray &body)
    {
        m_offsets[size_t(number - 1)] = m_bytes.size();
        m_bytes += QByteArray::number(number) + " 0 obj\n" + body + "\nendobj\n";
    }
    void stream(int number, const QByteArray &data)
    {
        object(number, "<< /Length " + QByteArray::number(data.size()) + " >>\nstream\n" + data + "\nendstream");
    }
    QByteArray finish(int root, int info)
    {
        const qsizetype xref = m_bytes.size();
        m_bytes += "xref\n0 " + QByteArray::number(qsizetype(m_offsets.size()) + 1) + "\n0000000000 65535 f \n";
        for (const qsizetype offset : m_offsets)
            m_bytes += QByteArray::number(offset).rightJustified(10, '0') + " 00000 n \n"; // 20 bytes each
        m_bytes += "trailer\n<< /Size " + QByteArray::number(qsizetype(m_offsets.size()) + 1) + " /Root "
            + QByteArray::number(root) + " 0 R /Info " + QByteArray::number(info) + " 0 R >>\nstartxref\n"
            + QByteArray::number(xref) + "\n%%EOF\n";
        return m_bytes;
    }

private:
    QByteArray m_bytes;
    std::vector<qsizetype> m_offsets;
};

} // namespace

QByteArray buildPdf(const QString &title, const QStringList &lines)
{
    constexpr int kLinesPerPage = 48;
    PdfWriter pdf;
    const int catalog = pdf.reserve();
    const int pages = pdf.reserve();
    const int font = pdf.reserve();
    const int bold = pdf.reserve();
    const int info = pdf.reserve();
    const int pageCount = std::max(1, int((lines.size() + kLinesPerPage - 1) / kLinesPerPage));
    QByteArray kids;
    std::vector<int> pageObjects;
    for (int p = 0; p < pageCount; ++p) {
        pageObjects.push_back(pdf.reserve());
        pdf.reserve(); // its content stream
        kids += QByteArray::number(pageObjects.back()) + " 0 R ";
    }
    pdf.object(catalog, "<< /Type /Catalog /Pages " + QByteArray::number(pages) + " 0 R >>");
    pdf.object(pages, "<< /Type /Pages /Kids [" + kids.trimmed() + "] /Count " + QByteArray::number(pageCount) + " >>");
    pdf.object(font, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
    pdf.object(bold, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>");
    pdf.object(info, "<< /Title " + pdfString(title) + " /Producer (hearth-sandbox) >>");
    for (int p = 0; p < pageCount; ++p) {
        const int page = pageObjects[size_t(p)];
        // A4 is 595 x 842 points; text starts 56 pt from the left and top.
        QByteArray content = "BT\n/F2 14 Tf\n56 786 Td\n" + pdfString(title) + " Tj\n/F1 10.5 Tf\n14 TL\nT*\nT*\n";
        for (int i = p * kLinesPerPage; i < std::min(int(lines.size()), (p + 1) * kLinesPerPage); ++i)
            content += pdfString(lines.at(i)) + " Tj\nT*\n";
        content += "ET\nBT\n/F1 8 Tf\n56 40 Td\n" + pdfString(QStringLiteral("Page %1 of %2").arg(p + 1).arg(pageCount))
            + " Tj\nET";
        pdf.object(page, "<< /Type /Page /Parent " + QByteArray::number(pages) + " 0 R /MediaBox [0 0 595 842] "
                             "/Resources << /Font << /F1 " + QByteArray::number(font) + " 0 R /F2 " + QByteArray::number(bold)
                       + " 0 R >> >> /Contents " + QByteArray::number(page + 1) + " 0 R >>");
        pdf.stream(page + 1, content);
    }
    return pdf.finish(catalog, info);
}

std::uint32_t crc32(const QByteArray &bytes)
{
    static const auto table = [] {
        std::vector<std::uint32_t> t(256);
        for (std::uint32_t n = 0; n < 256; ++n) {
            std::uint32_t c = n;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    std::uint32_t c = 0xFFFFFFFFu;
    for (const char b : bytes)
        c = table[(c ^ std::uint8_t(b)) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

namespace {

QByteArray bigEndian32(std::uint32_t v)
{
    QByteArray out(4, '\0');
    for (int i = 0; i < 4; ++i)
        out[i] = char((v >> (24 - 8 * i)) & 0xFF);
    return out;
}

QByteArray pngChunk(const char *type, const QByteArray &data)
{
    const QByteArray typed = QByteArray(type, 4) + data;
    return bigEndian32(std::uint32_t(data.size())) + typed + bigEndian32(crc32(typed));
}

class Canvas
{
public:
    Canvas(int w, int h, Prng &rng) : m_w(w), m_h(h), m_px(size_t(w) * size_t(h))
    {
        for (auto &p : m_px)
            p = std::uint8_t(236 + rng.range(0, 14)); // paper grain
    }
    void dot(int x, int y, int shade)
    {
        if (x >= 0 && y >= 0 && x < m_w && y < m_h)
            m_px[size_t(y) * size_t(m_w) + size_t(x)] = std::uint8_t(std::min<int>(m_px[size_t(y) * size_t(m_w) + size_t(x)], shade));
    }
    // Printed areas replace what is under them (so a light title can sit on a dark band); pen strokes
    // only darken (dot).
    void fill(int x0, int y0, int x1, int y1, int shade)
    {
        for (int y = std::max(0, y0); y < std::min(m_h, y1); ++y)
            for (int x = std::max(0, x0); x < std::min(m_w, x1); ++x)
                m_px[size_t(y) * size_t(m_w) + size_t(x)] = std::uint8_t(shade);
    }
    void box(int x0, int y0, int x1, int y1, int shade)
    {
        fill(x0, y0, x1, y0 + 1, shade);
        fill(x0, y1 - 1, x1, y1, shade);
        fill(x0, y0, x0 + 1, y1, shade);
        fill(x1 - 1, y0, x1, y1, shade);
    }
    QByteArray scanlines() const
    {
        QByteArray raw;
        raw.reserve(qsizetype(m_h) * (m_w + 1));
        for (int y = 0; y < m_h; ++y) {
            raw += '\0'; // filter type None
            raw.append(reinterpret_cast<const char *>(&m_px[size_t(y) * size_t(m_w)]), m_w);
        }
        return raw;
    }

private:
    int m_w;
    int m_h;
    std::vector<std::uint8_t> m_px;
};

} // namespace

QByteArray buildScannedFormPng(int width, int height, std::uint64_t seed)
{
    Prng rng(seed ^ 0x504E47ULL);
    Canvas c(width, height, rng);
    c.fill(24, 20, width - 24, 52, 70);                  // printed header band
    c.fill(36, 30, 36 + width / 3, 42, 245);             // its title, reversed out
    for (int row = 0; row < 9; ++row) {                  // labelled fields with ruled lines
        const int y = 80 + row * ((height - 140) / 9);
        c.fill(36, y, 36 + 60 + (row % 3) * 14, y + 7, 90); // printed label
        c.fill(150, y + 12, width - 40, y + 13, 120);       // the line to write on
        // Pen strokes: a wavy "handwritten" answer on most lines.
        if (rng.chance(0.8)) {
            const int len = rng.range(width / 6, width / 2);
            const double phase = rng.unit() * 6.28;
            for (int x = 0; x < len; ++x) {
                const int yy = y + 8 + int(std::lround(3.0 * std::sin(phase + x / 3.5)));
                c.dot(160 + x, yy, 40);
                c.dot(160 + x, yy + 1, 60);
            }
        }
    }
    for (int i = 0; i < 3; ++i) { // tick boxes, one ticked
        const int x = 40 + i * 110;
        const int y = height - 52;
        c.box(x, y, x + 16, y + 16, 80);
        if (i == int(seed % 3))
            for (int t = 0; t < 10; ++t)
                c.dot(x + 3 + t, y + 12 - (t < 4 ? -t / 2 + 2 : t - 2), 30);
    }
    QByteArray ihdr = bigEndian32(std::uint32_t(width)) + bigEndian32(std::uint32_t(height));
    ihdr += char(8);  // bit depth
    ihdr += char(0);  // colour type: grayscale
    ihdr += char(0);  // deflate
    ihdr += char(0);  // adaptive filtering
    ihdr += char(0);  // no interlace
    const QByteArray zlib = qCompress(c.scanlines(), 9).mid(4); // qCompress prefixes a 4-byte length
    return QByteArray("\x89PNG\r\n\x1A\n", 8) + pngChunk("IHDR", ihdr) + pngChunk("IDAT", zlib) + pngChunk("IEND", {});
}

namespace {

QByteArray le16(int v) { return QByteArray(1, char(v & 0xFF)) + char((v >> 8) & 0xFF); }
QByteArray le32(std::uint32_t v) { return le16(int(v & 0xFFFF)) + le16(int(v >> 16)); }

// One explicit-VR little-endian element with a short (16-bit length) VR; values padded to even length.
QByteArray element(int group, int elem, const char *vr, QByteArray value, char pad = ' ')
{
    if (value.size() % 2)
        value += pad;
    return le16(group) + le16(elem) + QByteArray(vr, 2) + le16(int(value.size())) + value;
}

} // namespace

QByteArray buildDicom(const QString &studyDescription, const QString &studyDate, const QString &modality)
{
    const QByteArray sopClass("1.2.840.10008.5.1.4.1.1.1"); // Computed Radiography Image Storage
    const QByteArray instance = "2.25." + QByteArray::number(crc32(studyDescription.toUtf8() + studyDate.toUtf8()));
    const QByteArray transfer("1.2.840.10008.1.2.1"); // Explicit VR Little Endian
    QByteArray meta = element(0x0002, 0x0002, "UI", sopClass, '\0') + element(0x0002, 0x0003, "UI", instance, '\0')
        + element(0x0002, 0x0010, "UI", transfer, '\0');
    // (0002,0001) File Meta Information Version is OB: reserved bytes and a 32-bit length.
    meta = le16(0x0002) + le16(0x0001) + QByteArray("OB\0\0", 4) + le32(2) + QByteArray("\0\1", 2) + meta;
    const QByteArray groupLength = le16(0x0002) + le16(0x0000) + QByteArray("UL", 2) + le16(4) + le32(std::uint32_t(meta.size()));
    QByteArray data = element(0x0008, 0x0016, "UI", sopClass, '\0') + element(0x0008, 0x0018, "UI", instance, '\0')
        + element(0x0008, 0x0020, "DA", studyDate.toLatin1()) + element(0x0008, 0x0060, "CS", modality.toLatin1())
        + element(0x0008, 0x1030, "LO", studyDescription.toLatin1());
    return QByteArray(128, '\0') + "DICM" + groupLength + meta + data;
}

} // namespace hearth::sandbox
