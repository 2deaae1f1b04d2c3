#include "QmlRegistration.h"

#include "AppController.h"
#include "RecordViewModel.h"
#include "SectionListModel.h"
#include "SectionsViewModel.h"
#include "SummaryListModel.h"

#include <QQmlEngine>

namespace hearth {

void registerQmlTypes()
{
    const QString why = QStringLiteral("created by the app, not by QML");
    qmlRegisterUncreatableType<AppController>("Hearth.App", 1, 0, "AppController", why);
    qmlRegisterUncreatableType<RecordViewModel>("Hearth.App", 1, 0, "RecordViewModel", why);
    qmlRegisterUncreatableType<SummaryListModel>("Hearth.App", 1, 0, "SummaryListModel", why);
    qmlRegisterUncreatableType<SectionsViewModel>("Hearth.App", 1, 0, "SectionsViewModel", why);
    qmlRegisterUncreatableType<SectionListModel>("Hearth.App", 1, 0, "SectionListModel", why);
}

} // namespace hearth
