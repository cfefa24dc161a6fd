<#-- The plain-text twin of layouts/mail.ftlh, with the same legally required footer. -->
<#macro page unsubscribe=true>
<#nested>

――――――――――――――――
<#if unsubscribe>
このメールは、${sender.name}の
メールマガジンにご登録いただいた方に
お送りしています。

■配信停止
次のURLから手続きすると、今後この
メールマガジンは届きません。
${unsubscribeUrl}
<#else>
お心当たりがない場合は、このメールを
破棄してください。登録は完了しません。
</#if>

発行者：${sender.name}
住所：${sender.postalAddress}
お問い合わせ：${sender.contact}
――――――――――――――――
</#macro>
