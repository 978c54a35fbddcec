package dev.paydesk.cases.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dev.paydesk.cases.CaseSettingsCatalog;
import dev.paydesk.cases.CaseWorkbench;
import dev.paydesk.platform.CurrentUser;

/** Reads every macro and SOP version for the settings pages; SOPs of other markets stay hidden. */
@Service
class CaseSettingsCatalogService implements CaseSettingsCatalog {

    private static final String SOP_COLUMNS = "select id, category, market, version, title, steps from cases_sop ";

    private final JdbcClient jdbc;

    CaseSettingsCatalogService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<CaseWorkbench.Macro> macros() {
        return jdbc.sql("select code, language, title, body, articles from cases_macro order by code, language")
                .query((rs, n) -> CaseWorkbenchService.macro(rs)).list();
    }

    @Override
    public Optional<CaseWorkbench.Macro> macro(String code, String language) {
        return macros().stream().filter(m -> m.code().equals(code) && m.language().equals(language)).findFirst();
    }

    @Override
    public List<CaseWorkbench.Sop> sops() {
        return jdbc.sql(SOP_COLUMNS + "order by category, market nulls first, version desc").query(CaseSettingsCatalogService::sop)
                .list().stream().filter(s -> visible(s.market())).toList();
    }

    @Override
    public Optional<CaseWorkbench.Sop> sop(long id) {
        return jdbc.sql(SOP_COLUMNS + "where id = ?").param(id).query(CaseSettingsCatalogService::sop).optional()
                .filter(s -> visible(s.market()));
    }

    @Override
    public Optional<CaseWorkbench.Sop> latestSop(String category, @Nullable String market) {
        return jdbc.sql(SOP_COLUMNS + "where category = ? and market is not distinct from ? order by version desc limit 1")
                .params(category, market).query(CaseSettingsCatalogService::sop).optional().filter(s -> visible(s.market()));
    }

    private static boolean visible(@Nullable String market) {
        return market == null || CurrentUser.principal().isEmpty() || CurrentUser.canAccessMarket(market);
    }

    private static CaseWorkbench.Sop sop(ResultSet rs, int n) throws SQLException {
        List<String> texts = CaseStore.strings(rs.getArray("steps"));
        List<CaseWorkbench.Step> steps = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            steps.add(new CaseWorkbench.Step(i + 1, texts.get(i), null, null));
        }
        return new CaseWorkbench.Sop(rs.getLong("id"), rs.getString("category"), rs.getString("market"), rs.getInt("version"),
                rs.getString("title"), steps);
    }
}
