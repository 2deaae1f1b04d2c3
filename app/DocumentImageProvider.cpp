#include "DocumentImageProvider.h"

#include "SectionsViewModel.h"

#include <QBuffer>
#include <QPainter>
#include <QPdfDocument>
#include <QUrl>

namespace hearth {

namespace {

// QPdfDocument reads from a device it does not own; keep both alive together.
struct LoadedPdf {
    QByteArray bytes;
    QBuffer buffer;
    QPdfDocument document;

    explicit LoadedPdf(const QByteArray &data) : bytes(data), buffer(&bytes)
    {
        buffer.open(QIODevice::ReadOnly);
        document.load(&buffer);
    }
    bool ok() const { return document.status() == QPdfDocument::Status::Ready && document.pageCount() > 0; }
};

} // namespace

DocumentImageProvider::DocumentImageProvider(const SectionsViewModel &sections)
    : QQuickImageProvider(QQuickImageProvider::Image), m_sections(sections)
{
}

int DocumentImageProvider::pdfPageCount(const QByteArray &bytes)
{
    LoadedPdf pdf(bytes);
    return pdf.ok() ? pdf.document.pageCount() : 0;
}

QImage DocumentImageProvider::renderPdfPage(const QByteArray &bytes, int page, int width)
{
    LoadedPdf pdf(bytes);
    if (!pdf.ok() || page < 0 || page >= pdf.document.pageCount())
        return {};
    const QSizeF points = pdf.document.pagePointSize(page);
    if (points.width() <= 0 || points.height() <= 0)
        return {};
    width = qBound(100, width, 4000);
    const QSize pixels(width, qRound(width * points.height() / points.width()));
    QImage image = pdf.document.render(page, pixels);
    if (image.isNull())
        return {};
    // PDF pages without a background render transparent: letters are read on white paper.
    QImage paper(image.size(), QImage::Format_ARGB32_Premultiplied);
    paper.fill(Qt::white);
    QPainter painter(&paper);
    painter.drawImage(0, 0, image);
    painter.end();
    return paper;
}

QImage DocumentImageProvider::requestImage(const QString &id, QSize *size, const QSize &requestedSize)
{
    // id is "<url-encoded document id>/<page>".
    const qsizetype slash = id.lastIndexOf(u'/');
    const QString documentId = QUrl::fromPercentEncoding(id.left(slash).toUtf8());
    const int page = id.mid(slash + 1).toInt();
    QImage image;
    if (const auto content = m_sections.documentContent(documentId)) {
        const QString kind = SectionsViewModel::kindOf(content->contentType);
        if (kind == QLatin1String("pdf"))
            image = renderPdfPage(content->bytes, page, requestedSize.width() > 0 ? requestedSize.width() : 1200);
        else if (kind == QLatin1String("image") && page == 0)
            image = QImage::fromData(content->bytes);
    }
    if (!image.isNull() && requestedSize.width() > 0 && image.width() > requestedSize.width())
        image = image.scaledToWidth(requestedSize.width(), Qt::SmoothTransformation);
    if (size)
        *size = image.size();
    return image;
}

} // namespace hearth
