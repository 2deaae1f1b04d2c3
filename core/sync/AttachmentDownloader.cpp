#include "AttachmentDownloader.h"

#include "common/Log.h"
#include "fhir/BundleReader.h"
#include "net/ApiClient.h"
#include "store/CacheDatabase.h"
#include "store/ResourceStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QSet>

namespace hearth {

using namespace Qt::StringLiterals;

AttachmentDownloader::AttachmentDownloader(ApiClient &api, CacheDatabase &db, QString patientId, QObject *parent)
    : QObject(parent), m_api(api), m_db(db), m_patientId(std::move(patientId))
{
}

QString AttachmentDownloader::binaryIdFromUrl(const QString &url)
{
    static const QString prefix = u"Binary/"_s;
    const qsizetype at = url.lastIndexOf(prefix);
    if (at < 0 || (at > 0 && url.at(at - 1) != u'/'))
        return {};
    const QString id = url.mid(at + prefix.size());
    // A FHIR id: letters, digits, '-' and '.', up to 64 characters; anything else is not ours to fetch.
    if (id.isEmpty() || id.size() > 64)
        return {};
    for (const QChar c : id) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != u'-' && c != u'.')
            return {};
    }
    return id;
}

void AttachmentDownloader::run(std::function<void(Outcome)> done)
{
    m_done = std::move(done);
    ResourceStore store(m_db.database());
    const auto documents = store.list(u"DocumentReference"_s);
    const auto stored = store.ids(u"Binary"_s);
    if (documents && stored) {
        const QSet<QString> have(stored->cbegin(), stored->cend());
        QSet<QString> wanted;
        for (const StoredResource &r : documents.value()) {
            const QJsonObject o = QJsonDocument::fromJson(r.json).object();
            // Only a current letter is shown: a superseded (or withdrawn) one's file is not kept.
            const QString status = o.value("status"_L1).toString();
            if (!status.isEmpty() && status != "current"_L1)
                continue;
            for (const QJsonValue &c : o.value("content"_L1).toArray()) {
                const QJsonObject attachment = c.toObject().value("attachment"_L1).toObject();
                const QString url = attachment.value("url"_L1).toString();
                const QString id = binaryIdFromUrl(url);
                if (id.isEmpty()) {
                    if (!url.isEmpty() || !attachment.value("data"_L1).isUndefined())
                        ++m_outcome.skipped;
                    continue;
                }
                if (attachment.value("size"_L1).toInteger(0) > kMaxAttachmentBytes
                    || (!url.startsWith("Binary/"_L1) && !m_api.isUnderBase(m_api.resolve(url)))) {
                    ++m_outcome.skipped;
                    continue;
                }
                wanted.insert(id);
                if (!have.contains(id) && !m_queue.contains(id))
                    m_queue << id;
            }
        }
        // A letter withdrawn at the source takes its attachment with it.
        const Status cleaned = m_db.transaction([&]() -> Status {
            for (const QString &id : have) {
                if (wanted.contains(id))
                    continue;
                if (Status s = store.remove(u"Binary"_s, id); !s)
                    return s;
                ++m_outcome.removed;
            }
            return {};
        });
        if (!cleaned)
            qCWarning(lcSync) << "could not remove withdrawn attachments:" << cleaned.error().describe();
    } else {
        qCWarning(lcSync) << "could not list documents for their attachments";
        ++m_outcome.failed;
    }
    QPointer<AttachmentDownloader> self(this);
    QMetaObject::invokeMethod(this, [self] { if (self) self->next(); }, Qt::QueuedConnection);
}

void AttachmentDownloader::next()
{
    if (m_queue.isEmpty()) {
        qCInfo(lcSync) << "attachments:" << m_outcome.stored << "stored," << m_outcome.failed << "failed,"
                       << m_outcome.removed << "removed," << m_outcome.skipped << "skipped";
        auto done = std::move(m_done);
        m_done = nullptr;
        if (done)
            done(m_outcome);
        return;
    }
    const QString id = m_queue.takeFirst();
    QPointer<AttachmentDownloader> self(this);
    m_api.get(u"Binary/"_s + id, [self, id](Result<HttpReply> reply) {
        if (!self)
            return;
        if (reply)
            self->arrived(id, reply->body);
        else {
            ++self->m_outcome.failed;   // tried again at the next sync
            self->next();
        }
    });
}

void AttachmentDownloader::arrived(const QString &id, const QByteArray &body)
{
    // Base64 makes 10 MiB about 13.4 MiB of JSON; anything bigger is refused before parsing.
    const bool tooBig = body.size() > kMaxAttachmentBytes / 3 * 4 + 64 * 1024;
    BundleReader reader;
    auto resource = tooBig ? Result<StoredResource>(Error::make(Error::Kind::Parse, u"attachment too large"_s))
                           : reader.readResource(body);
    bool ok = resource && resource->type == "Binary"_L1 && resource->id == id;
    if (ok) {
        const QJsonObject o = QJsonDocument::fromJson(body).object();
        const QString context = o.value("securityContext"_L1).toObject().value("reference"_L1).toString();
        const qsizetype dataChars = o.value("data"_L1).toString().size();
        ok = (context.isEmpty() || belongsToPatient(context, m_patientId)) && dataChars / 4 * 3 <= kMaxAttachmentBytes + 2;
    }
    if (ok) {
        ResourceStore store(m_db.database());
        const Status s = m_db.transaction([&] { return store.put(resource.value()); });
        ok = s.ok();
    }
    if (ok)
        ++m_outcome.stored;
    else
        ++m_outcome.failed;
    next();
}

} // namespace hearth
