#pragma once

#include <QQuickImageProvider>

namespace hearth {

class SectionsViewModel;

// "image://hearthdocument/<document id>/<page>": a page of a stored PDF (drawn with Qt PDF) or a
// stored PNG/JPEG, read from the encrypted store into memory only; nothing is written to disk.
// Runs on the GUI thread (the store connection lives there): QML must not ask asynchronously.
class DocumentImageProvider : public QQuickImageProvider {
public:
    explicit DocumentImageProvider(const SectionsViewModel &sections);
    QImage requestImage(const QString &id, QSize *size, const QSize &requestedSize) override;

    // Pages in a PDF held in memory; 0 if it cannot be read.
    static int pdfPageCount(const QByteArray &bytes);
    // One page drawn `width` pixels wide (height keeps the page's proportions); null if it fails.
    static QImage renderPdfPage(const QByteArray &bytes, int page, int width);

private:
    const SectionsViewModel &m_sections;
};

} // namespace hearth
