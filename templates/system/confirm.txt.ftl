<#import "/layouts/mail.txt.ftl" as layout>
<@layout.page unsubscribe=false>
メールマガジンへの
お申し込みありがとうございます。

登録を完了するには、次のURLを開き、
ページの「登録を完了する」ボタンを
押してください。

${confirmUrl}

このリンクの有効期限は7日間です。
お申し込みに心当たりがない場合は、
このメールを破棄してください。
</@layout.page>
