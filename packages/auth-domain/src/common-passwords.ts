// Generated from well-known public lists of the most used passwords (about 1756 entries, lower-case).
// Kept as one string split at load: a literal array of this size costs far more bytes and parse time.
const LIST = `
123456 password 12345678 qwerty 123456789 12345 1234 111111 1234567 dragon 123123 baseball abc123
football monkey letmein 696969 shadow master 666666 qwertyuiop 123321 mustang 1234567890 michael 654321
pussy superman 1qaz2wsx 7777777 fuckyou 121212 000000 qazwsx 123qwe killer trustno1 jordan jennifer
zxcvbnm asdfgh hunter buster soccer harley batman andrew tigger sunshine iloveyou fuckme 2000 charlie
robert thomas hockey ranger daniel starwars klaster 112233 george asshole computer michelle jessica
pepper 1111 zxcvbn 555555 11111111 131313 freedom 777777 pass fuck maggie 159753 aaaaaa ginger princess
joshua cheese amanda summer love ashley 6969 nicole chelsea biteme matthew access yankees 987654321
dallas austin thunder taylor matrix william corvette hello martin heather secret fucker merlin diamond
1234qwer gfhjkm hammer silver 222222 88888888 anthony justin test bailey q1w2e3r4t5 patrick internet
scooter orange 11111 golfer cookie richard samantha bigdog guitar jackson whatever mickey chicken sparky
snoopy maverick phoenix camaro sexy peanut morgan welcome falcon cowboy ferrari samsung andrea smokey
steelers joseph mercedes dakota arsenal eagles melissa boomer booboo spider nascar monster tigers yellow
xxxxxx 123123123 gateway marina diablo bulldog qwer1234 compaq purple hardcore banana junior hannah
123654 porsche lakers iceman money cowboys 987654 london tennis 999999 ncc1701 coffee scooby 0000 miller
boston q1w2e3r4 fuckoff brandon yamaha chester mother forever johnny edward 333333 oliver redsox player
nikita knight fender barney midnight please brandy chicago badboy iwantu slayer rangers charles angel
flower bigdaddy rabbit wizard bigdick jasper enter rachel chris steven winner adidas victoria natasha
1q2w3e4r jasmine winter prince panties marine ghbdtn fishing cocacola casper james 232323 raiders 888888
marlboro gandalf asdfasdf crystal 87654321 12344321 sexsex golden blowme bigtits 8675309 panther lauren
angela bitch spanky thx1138 angels madison winston shannon mike toyota blowjob jordan23 canada sophie
apples dick tiger razz 123abc pokemon qazxsw 55555 qwaszx muffin johnson murphy cooper jonathan liverpoo
david danielle 159357 jackie 1990 123456a 789456 turtle horny abcd1234 scorpion qazwsxedc 101010 butter
carlos password1 dennis slipknot qwerty123 booger asdf 1991 black startrek 12341234 cameron newyork
rainbow nathan john 1992 rocket viking redskins butthead asdfghjkl 1212 sierra peaches gemini doctor
wilson sandra helpme qwertyui victor florida dolphin pookie captain tucker blue liverpool theman bandit
dolphins maddog packers jaguar lovers nicholas united tiffany maxwell zzzzzz nirvana jeremy suckit
stupid porn monica elephant giants jackass hotdog rosebud success debbie mountain 444444 xxxxxxxx
warrior 1q2w3e4r5t q1w2e3 123456q albert metallic lucky azerty 7777 shithead alex bond007 alexis 1111111
samson 5150 willie scorpio bonnie gators benjamin voodoo driver dexter 2112 jason calvin freddy 212121
creative 12345a sydney rush2112 1989 asdfghjk red123 bubba 4815162342 passw0rd trouble gunner happy
fucking gordon legend jessie stella qwert eminem arthur apple nissan bullshit bear america 1qazxsw2
nothing parker 4444 rebecca qweqwe garfield 01012011 beavis 69696969 jack asdasd december 2222 102030
252525 11223344 magic apollo skippy 315475 girls kitten golf copper braves shelby godzilla beaver fred
tomcat august buddy airborne 1993 1988 lifehack qqqqqq brooklyn animal platinum phantom online xavier
darkness blink182 power fish green 789456123 voyager police travis 12qwaszx heaven snowball lover abcdef
00000 pakistan 007007 walter playboy blazer cricket sniper hooters donkey willow loveme saturn therock
redwings bigboy pumpkin trinity williams tits nintendo digital destiny topgun runner marvin guinness
chance bubbles testing fire november minecraft asdf1234 lasvegas sergey broncos cartman private celtic
birdie little cassie babygirl donald beatles 1313 dickhead family 12121212 school louise gabriel eclipse
fluffy 147258369 lol123 explorer beer nelson flyers spencer scott lovely gibson doggie cherry andrey
snickers buffalo pantera metallica member carter qwertyu peter alexande steve bronco paradise goober
5555 samuel montana mexico dreams michigan cock carolina yankee friends magnum surfer poohbear pirate
penis 123456789a 1987 1986 1985 1984 1994 1995 1996 1997 1998 1999 2001 2002 2003 2004 2005 2006 2007
2008 2009 2010 2011 2012 2013 2014 2015 2016 2017 2018 2019 2020 2021 2022 2023 2024 2025 password123
password12 password! p@ssw0rd p@ssword pa55word pa$$word password2 password3 password7 password01
password11 password99 password1! passw0rd1 passw0rd! letmein1 letmein123 letmein! welcome1 welcome123
welcome2 welcome! iloveyou1 iloveyou2 iloveyou! iloveu123 iloveu sunshine1 princess1 football1 baseball1
superman1 batman123 batman1 charlie1 charlie123 monkey1 monkey123 dragon1 dragon123 master1 master123
shadow1 shadow123 qwerty1 qwerty12 qwerty1234 qwerty12345 qwerty123456 qwertyuiop123 1qaz2wsx3edc
zaq12wsx zaq1zaq1 1q2w3e 1q2w3e4r5t6y q1w2e3r4t5y6 abc12345 abcd12345 abc123456 aa123456 a123456789
a1234567 a12345678 a123456 123456abc 12345qwert 12345qwerty asdfgh123 zxcvbnm123 1234abcd 123qweasd
123qweasdzxc qweasdzxc qweasd123 qweasd 1qazxsw23edc 22222222 33333333 44444444 55555555 66666666
77777777 99999999 00000000 0987654321 12345678910 159753456 1122334455 111222333 123321123 1234554321
12348765 11112222 13579 24680 135792468 01234567 012345678 0123456789 changeme changeme1 changeme123
default admin admin123 admin1234 admin12345 administrator root toor guest user login login123 test123
testtest test1234 temp123 temppass pass123 pass1234 passpass mypassword mypass secret123 secret1
!qaz2wsx 1qaz!qaz chocolate butterfly pineapple strawberry blueberry basketball hello123 hellokitty
spiderman ironman wolverine superstar rockstar lovelove forever1 michael1 jennifer1 jessica1 ashley1
daniel1 michael23 babyboy angel123 angelina alexander christian christopher elizabeth jasmine1 brittany
courtney kimberly stephanie veronica samsung1 nokia123 iphone blackberry australia lakers24 kobe24
chelsea1 arsenal1 barcelona manchester manutd juventus realmadrid liverpool1 newcastle tottenham everton
rangers1 celtic1 dolphins1 cowboys1 yankees1 redsox1 steelers1 packers1 patriots broncos1 raiders1
eagles1 49ers chargers seahawks vikings warriors 2wsx3edc 3edc4rfv zaq1xsw2 !qaz@wsx 1q2w3e4r5t6y7u
qwerasdf qwerasdfzxcv asdfqwer zxcvasdf poiuytrewq mnbvcxz lkjhgfdsa trustme sunflower freedom1
whatever1 letmein2 killer1 jordan1 hunter1 ranger1 buster1 soccer1 hockey1 tigger1 summer1 winter1
spring autumn summer2019 summer2020 summer2021 summer2022 summer2023 summer2024 winter2020 winter2021
winter2022 winter2023 spring2021 spring2022 spring2023 autumn2022 password2019 password2020 password2021
password2022 password2023 password2024 welcome2020 welcome2021 welcome2022 welcome2023 qwerty2020
qwerty2021 parola passwort motdepasse contrasena senha123 123mudar mudar123 wachtwoord salasana lozinka
haslo haslo123 qwertz qwertzuiop aaaaaaaa azertyuiop soleil doudou chouchou bonjour loulou nicolas
marseille 1234567a 12345678a 1234567q 1a2b3c4d a1b2c3d4 a1b2c3 abc123abc abcabc abcdefg abcdefgh
abcdefghi 1234asdf asdf123 asd123 zxc123 qwe123 qweqweqwe qwe123qwe 1q2w3e4r5 q1w2e3r4t5y6u7 12qw12qw
1qa2ws3ed qazwsx123 qazwsx1 qaz123 wsx123 zaq123 zaq12345 11qq22ww aaa111 aa1234 aaaa1111 qqww1122
112233445566 123456654321 147258 147852 147852369 159951 258456 321321 369369 456456 456789 741852963
753951 789789 852456 963852741 123654789 987456321 1357924680 superman123 spiderman1 naruto naruto123
sasuke pokemon1 pikachu goku dragonball onepiece zelda mario mariobros luigi sonic halo halo123 xbox360
playstation ps3 gamer counter counterstrike warcraft diablo2 starcraft runescape minecraft1 fortnite
roblox roblox123 batman1234 joker harrypotter hogwarts gandalf1 frodo legolas skywalker darthvader yoda
jedi starwars1 startrek1 matrix1 neo trinity1 morpheus jesus jesus1 jesuschrist christ godisgood blessed
blessing heaven1 angel1 angels1 faith grace hope trinity123 church amen 123jesus praise shalom
hallelujah iloveyou123 loveyou love123 lovely1 lover1 mylove myangel sweetheart sweetie honey honey1
babe baby baby1 baby123 babydoll babylove cutie cutie1 kisses kiss hugs princesa princesa1 bonita
tequiero teamo tikvjqes myspace myspace1 facebook twitter google google123 yahoo hotmail gmail linkedin
instagram youtube computer1 computer123 internet1 laptop windows windows7 microsoft apple123 macbook
linux ubuntu server oracle mysql database letmeinnow openup opensesame sesame secret! topsecret secrets
hidden nopassword nopass blank empty qwertyqwerty asdfasdfasdf zxczxc zxczxczxc asdasdasd qweasdqwe
1q1q1q1q 1a1a1a1a q1q1q1q1 zaqxswcde xsw2zaq1 cde3xsw2 vfr4cde3 bgt5vfr4 nhy6bgt5 mju7nhy6 qwertyui1
asdfghjkl1 zxcvbnm1 qwertyuiop1 michael12 jordan123 jordan12 lebron23 lebron kobe michaeljordan
jordan2345 tigerwoods golfer1 golf123 hockey12 soccer12 soccer123 football12 football123 baseball12
baseball123 basketball1 tennis1 runner1 cheer cheer1 cheerleader dance dancer dancer1 ballet music
music1 musician guitar1 guitarist drummer piano singer rocknroll rockandroll metal metallica1 slipknot1
nirvana1 beatles1 elvis eminem1 tupac 2pac 50cent shakira madonna britney justinbieber bieber
onedirection london1 paris newyork1 california texas florida1 chicago1 boston1 seattle dallas1 houston
atlanta miami phoenix1 denver detroit vegas hawaii alaska canada1 mexico1 brazil france germany italy
spain england ireland scotland russia china japan india africa australia1 monday tuesday wednesday
thursday friday saturday sunday january february march april may june july september october november1
december1 christmas xmas easter halloween newyear birthday dog dog123 doggy puppy puppy1 puppies cat
cat123 kitty kitty1 kittycat pussycat tiger1 lion lionking horse horses bunny rabbit1 monkey12 panda
panda1 bear1 teddy teddybear dolphin1 shark eagle eagle1 falcon1 hawk wolf wolves fox snake cobra python
spider1 butterfly1 turtle1 froggy frog duck penguin red redred blue123 green1 yellow1 purple1 orange1
black1 white pink pink123 silver1 gold golden1 diamond1 crystal1 ruby emerald sapphire pearl jade amber
jasmine2 rose roses lily daisy tulip violet flower1 flowers cherry1 apple1 banana1 orange12 lemon mango
peach peaches1 strawberry1 chocolate1 candy candy1 cookie1 cookies cupcake muffin1 pancake sugar sugar1
honeybee coffee1 tea beer1 whiskey vodka tequila pizza pizza123 hamburger cheese1 bacon chicken1 turkey
pepper1 salt mustang1 camaro1 corvette1 ferrari1 porsche1 mercedes1 bmw bmw123 audi honda honda1 toyota1
nissan1 ford chevy chevrolet harley1 yamaha1 ducati suzuki kawasaki jeep dodge viper cadillac hello1
hello12 hellohello hi hey heythere hithere whatsup yes no maybe ok okay test1 test12 testing1 testing123
tester demo demo123 sample example trial qwerty7 qwerty8 qwerty9 111111111 1111111111 11111111111
222222222 123412341234 1234512345 1231231234 12312312 123456123456 12345612345 1234567891 12345678901
123456780 098765 09876 1234321 12321 1221 2323 4321 54321 7654321 87654 654321a 987654321a 112211 121314
123654a 102938 019283 564738 918273 zxcvbnm12 zxcvbnm1234 asdfghjkl123 qwertyuiop12 qazwsxedc123
qazwsxedcrfv 1qaz1qaz 2wsx2wsx !@#$%^&* !@#$%^ !@#$%^&*() 1q2w3e!q2w3e4r qwer!@#$ 1qaz@wsx #edc$rfv
p4ssw0rd p455w0rd passw0rd123 passwrd pasword pasword1 passwd passwd1 password0 password5 password8
password9 password10 password13 password69 password88 password00 password1234 password12345 password01!
p@ssw0rd1 admin1 admin12 adminadmin admin! administrator1 root123 rootroot superuser supervisor manager
manager1 support support123 service sysadmin system system1 operator webmaster web123 office office123
company business work work123 job staff staff123 employee student student1 teacher teacher1 school1
college university mother1 father father1 mom mommy mommy1 dad daddy daddy1 family1 brother sister
sister1 son daughter grandma grandpa husband wife mywife myhusband children kids baby2 babies nicole1
ashley12 jessica12 amanda1 sarah sarah1 emily emily1 hannah1 madison1 samantha1 lauren1 taylor1 megan
rachel1 brittany1 stephanie1 amber1 heather1 melissa1 michelle1 kimberly1 elizabeth1 victoria1 natalie
alyssa kayla chloe olivia sophia isabella emma ava mia abigail grace1 lily1 zoe matthew1 joshua1 andrew1
christopher1 joseph1 william1 robert1 thomas1 richard1 charles1 anthony1 justin1 brandon1 tyler tyler1
ryan ryan1 kevin kevin1 brian brian1 eric eric1 adam adam1 jake jacob jacob1 ethan noah logan lucas
mason aiden dylan austin1 nathan1 zachary benjamin1 samuel1 alexander1 jonathan1 nicholas1 christian1
david1 james1 john1 johnny1 mark mark1 paul steven1 stephen scott1 george1 edward1 henry frank jack1
harry charlie2 oscar max max123 maximus buddy1 rocky rocky1 bandit1 duke bailey1 lucky1 lucky7 lucky13
sammy sam sam123 toby molly molly1 daisy1 coco lola chloe1 bella bella1 sadie maggie1 ginger1 pepper12
oreo asdfghjkl; qwertyuiop[] zaqwsx qwerfdsa asdfzxcv 1qw23e 1qw23er4 q2w3e4r5 w1e2r3t4 asdzxc
qweasdzxc1 trustno1! letmein12 iamgod god god123 godzilla1 goddess king king123 kingkong queen queen1
prince1 princess12 princess123 lady ladybug gentleman boss boss123 chief captain1 major sergeant general
soldier army navy marines airforce military warrior1 hero heroes legend1 legends champion champ winner1
victory killer123 killer12 assassin ninja ninja123 samurai sniper1 hunter12 hunter123 ranger12 gangster
thug pimp player1 playboy1 hustler money1 money123 cash dollar rich richard2 million millionaire
lucky123 luck fortune success1 freedom2 liberty america1 usa usa123 patriot qwerty666 666 satan devil
demon evil hell hellfire darkness1 shadow12 ghost ghost1 vampire zombie dragon12 dragons dragonfly
phoenix12 unicorn unicorns rainbow1 sunshine12 moonlight moon sun star stars starlight galaxy universe
planet earth mars venus jupiter cosmos space spaceman rocket1
`;

/**
 * Passwords that appear at the top of breach corpora, lower-cased. The password policy rejects any password
 * whose lower-cased form is in this set, whatever its length.
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(LIST.split(/\s+/).filter((word) => word !== ''));
