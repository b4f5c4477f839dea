/* redline-bench-project.h: the 10,000-post project the benchmarks open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "redline-core.h"

#define REDLINE_BENCH_N_POSTS 10000

/* Copy of the kinds a real campaign has: clean copy, absolute terms, an
 * off-allowlist link, financial promises, English with and without claims. */
static const char * const redline_bench_bodies[] = {
  "秋风起，桂花香。Lumi 咖啡的桂花拿铁今天回到菜单，选用云南小粒咖啡豆，搭配杭州满觉陇的桂花糖浆。"
  "每一杯都由咖啡师现场手工制作，欢迎来店品尝。开封后请在最佳赏味期内饮用。",
  "我们的桂花拿铁是全城最佳的秋季饮品，销量第一，口碑No.1，详情见 https://shop.example.com/a",
  "Our autumn favourite returns to Lumi Café: Yunnan coffee, osmanthus syrup and oat milk. "
  "Drop by any of our cafés this week and collect a stamp with every cup.",
  "The best latte in Singapore, guaranteed. Voted number one by our regulars.",
  "储值 1000 元保本保息，年化收益8%，会员专享。",
  "新鲜栗子现烤，每天限量 50 份，和桂花拿铁是绝配。第一次下单立减 5 元。",
};

/* Writes a project of REDLINE_BENCH_N_POSTS posts over a Weixin and a
 * WeChat campaign to @file, in one transaction. */
static inline void
redline_bench_project_create (GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedlineProject) project = redline_project_create (file, "Benchmark", &error);
  g_autoptr(GPtrArray) posts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(RedlineCampaign) weixin = redline_campaign_new ("微信秋季", REDLINE_ECOSYSTEM_WEIXIN);
  g_autoptr(RedlineCampaign) wechat = redline_campaign_new ("WeChat autumn",
                                                            REDLINE_ECOSYSTEM_WECHAT);
  RedlineCampaign *campaigns[2] = { weixin, wechat };

  g_assert_no_error (error);
  for (guint c = 0; c < 2; c++)
    {
      redline_project_add_campaign (project, campaigns[c], &error);
      g_assert_no_error (error);
    }
  for (guint i = 0; i < REDLINE_BENCH_N_POSTS; i++)
    {
      RedlinePost *post = redline_post_new (redline_campaign_get_id (campaigns[i % 2]),
                                            i % REDLINE_N_POST_KINDS);
      g_autofree char *title = g_strdup_printf ("第 %u 篇 · Post %u", i + 1, i + 1);

      redline_post_set_title (post, title);
      redline_post_set_body (post, redline_bench_bodies[i % G_N_ELEMENTS (redline_bench_bodies)]);
      redline_post_set_call_to_action (post, i % 3 ? "立即购买" : "Order now");
      g_ptr_array_add (posts, post);
    }
  redline_project_add_posts (project, posts, &error);
  g_assert_no_error (error);
}
