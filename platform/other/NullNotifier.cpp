// Platforms with no notifier written yet (Windows, macOS desktop): notices are dropped with one log
// line. The app shows the same updates inside itself, so nothing is lost.
#include "Notifier.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcNotify, "hearth.notify", QtInfoMsg)

namespace hearth::platform {

Notifier::~Notifier() = default;

namespace {
class NullNotifier final : public Notifier {
public:
    void notify(const QString &, const QString &) override
    {
        if (!m_logged)
            qCInfo(lcNotify) << "notifications are not available on this platform yet";
        m_logged = true;
    }

private:
    bool m_logged = false;
};
} // namespace

std::unique_ptr<Notifier> makeNotifier()
{
    return std::make_unique<NullNotifier>();
}

} // namespace hearth::platform
