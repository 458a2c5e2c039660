package cn.cppcc.proposals.apidocs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The description of {@code /api} (only: {@code springdoc.paths-to-match}): a Chinese title, HTTP
 * Basic for every call, and the operations grouped by area in Chinese by their path, so that the
 * controllers need no annotations of their own (they are being restructured).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocs {

    static final String BASIC = "basic";

    /** One area of the API: the paths it holds. The first area whose pattern matches takes an operation. */
    record Area(String name, String description, Pattern paths) {

        Area(String name, String description, String paths) {
            this(name, description, Pattern.compile(paths));
        }
    }

    static final List<Area> AREAS = List.of(
            new Area("审查与交办", "提案委员会审查立案、建议承办单位、交办",
                    "^/api/proposals/\\{[^}]+}/(review|assignment|unit-suggestions)$"),
            new Area("承办与答复", "承办单位签收或申请调整、协商、会办意见、答复与审签、委员评价、不满意后的协调",
                    "^/api/proposals/\\{[^}]+}/units/.*"),
            new Area("全会集中交办", "批量审查立案与批量交办、承办单位交办单、立案目录",
                    "^/api/(proposals/batch/.*|units/\\{[^}]+}/dispatch-list|sessions/\\{[^}]+}/(catalogue|dispatch-lists\\.zip))$"),
            new Area("督办、回头看与公开", "重点提案与逾期督办、回头看、公开提案和答复",
                    "^/api/proposals/\\{[^}]+}/(supervision|follow-up|publication)$"),
            new Area("提案", "提交、联名确认、修改、撤回、案卷与附件、办理经过、相似提案",
                    "^/api/proposals(/.*)?$"),
            new Area("待办任务", "当前用户的待办任务", "^/api/tasks(/.*)?$"),
            new Area("全文检索", "提案和答复的全文检索", "^/api/search(/.*)?$"),
            new Area("统计报表", "统计、汇总表、年度报告、承办单位排名", "^/api/reports(/.*)?$"),
            new Area("审计", "审计记录的查询、导出和记录链校验", "^/api/audit(/.*)?$"),
            new Area("通知", "通知及其发送状态", "^/api/notifications(/.*)?$"),
            new Area("基础数据", "承办单位、类别、届次、工作日历", "^/api/(units|categories|sessions|calendar)(/.*)?$"),
            new Area("系统管理", "用户、邮件模板、验收测试的时钟", "^/api/admin/.*"));

    /** A path of none of the areas (a new one): still listed, under 其他. */
    static final Area OTHER = new Area("其他", "尚未归入以上类别的接口", ".*");

    @Bean
    OpenAPI proposalsOpenApi() {
        return new OpenAPI()
                .info(new Info().title("政协提案办理系统 API").version("1.10.0").description("""
                        政协提案办理系统的HTTP接口：提案的提交、审查立案、交办、承办、答复、评价、督办、公开，\
                        以及统计报表、审计记录、通知和基础数据。JSON，UTF-8；日期为YYYY-MM-DD，时间为ISO-8601。\
                        每个请求须以HTTP Basic认证（用户与Camunda Tasklist相同）。出错时返回application/problem+json，\
                        400时列出每个字段的错误；503表示数据库暂时不可用，请按Retry-After稍后重试。\
                        调用者只能看到其角色允许的内容：无权查看的提案返回404，无权办理的步骤返回403。"""))
                .components(new Components().addSecuritySchemes(BASIC, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("basic").description("用户名和密码（与登录页面相同）")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }

    /** Each operation under the area of its path; the areas that have operations, in their order. */
    @Bean
    OpenApiCustomizer areasInChinese() {
        return openApi -> {
            Set<Area> used = new HashSet<>();
            if (openApi.getPaths() != null) {
                openApi.getPaths().forEach((path, item) -> {
                    Area area = areaOf(path);
                    used.add(area);
                    item.readOperations().forEach(operation -> operation.setTags(List.of(area.name())));
                });
            }
            openApi.setTags(Stream.concat(AREAS.stream(), Stream.of(OTHER)).filter(used::contains)
                    .map(area -> new Tag().name(area.name()).description(area.description())).toList());
        };
    }

    static Area areaOf(String path) {
        return AREAS.stream().filter(area -> area.paths().matcher(path).matches()).findFirst().orElse(OTHER);
    }
}
