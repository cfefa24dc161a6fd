<#-- The plain-text twin of layouts/authored.ftlh: the operator's words as parts made from the same
     Markdown, never parsed as a template, the reader's name between them, and the shared footer. -->
<#import "/layouts/mail.txt.ftl" as layout>
<#macro parts list><#list list as part><#if part.text??>${part.text}<#elseif subscriber.name?has_content>${subscriber.name}<#else>${part.fallback}</#if></#list></#macro>
<@layout.page>
<@parts authored.text/>
<#if issue??>
<#list issue.articles as article>

■ ${article.title}<#if article.reread>（もう一度読みたい）</#if>
${article.published}

${article.excerpt}

▼続きを読む
${article.url}
</#list>
<#if authored.outroText?has_content>

<@parts authored.outroText/>
</#if>
</#if>
</@layout.page>
