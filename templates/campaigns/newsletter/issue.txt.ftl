<#import "/layouts/mail.txt.ftl" as layout>
<@layout.page>
こころの便り 第${issue.number}号
${issue.date}

<#if subscriber.name?has_content>${subscriber.name}さん、</#if>おはようございます。
<#if issue.reread>
今回は新しいコラムがお休みのため、
「もう一度読みたい」コラムをお届けします。
<#else>
新しいコラムのご案内です。
</#if>
<#list issue.articles as article>

■ ${article.title}<#if article.reread>（もう一度読みたい）</#if>
${article.published}

${article.excerpt}

▼続きを読む
${article.url}
</#list>

次号は数日後にお届けします。
どうぞよい一日を。
</@layout.page>
